import { afterEach, expect, test } from 'vitest';
import { openStore } from '../../src/server/store/openStore.ts';
import { storeEngine } from '../../src/server/store/storeEngine.ts';
import { describeStores, emptyStoreLocation, type TestStore } from '../support/testStores.ts';

describeStores('openStore', (open, engine) => {
  let opened: TestStore | undefined;
  afterEach(async () => opened?.close());

  test('runs every migration on an empty store, opens the configured engine, and opening again changes nothing', async () => {
    const place = await emptyStoreLocation(engine);
    try {
      const first = await openStore(place.location);
      expect(storeEngine(first as never)).toBe(engine);
      const tables = (await first.introspection.getTables()).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['drugs', 'audit_log', 'notice_attachments']));
      await first.destroy();
      const again = await openStore(place.location);
      expect((await again.introspection.getTables()).map((t) => t.name)).toEqual(tables);
      await again.destroy();
    } finally {
      await place.remove();
    }
  });

  test('returns counts as numbers', async () => {
    opened = await open();
    const row = await opened.store.selectFrom('drugs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(row.n).toBe(0);
  });
});
