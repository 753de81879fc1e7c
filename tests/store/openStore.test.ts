import { afterEach, expect, test } from 'vitest';
import { storeEngine } from '../../src/server/store/storeEngine.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

describeStores('openStore', (open, engine) => {
  let opened: TestStore | undefined;
  afterEach(async () => opened?.close());

  test('runs every migration on an empty store and opens the configured engine', async () => {
    opened = await open();
    expect(storeEngine(opened.store as never)).toBe(engine);
    const tables = await opened.store.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['drugs', 'audit_log', 'notice_attachments']));
  });

  test('returns counts as numbers', async () => {
    opened = await open();
    const row = await opened.store.selectFrom('drugs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(row.n).toBe(0);
  });
});
