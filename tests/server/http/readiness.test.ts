import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prepareStore } from '../../../src/server/bootstrap/prepareStore.ts';
import type { Portal } from '../../../src/server/portal.ts';
import { portalReadiness } from '../../../src/server/readiness.ts';
import { openSqliteStore } from '../../../src/server/store/openStore.ts';
import { openTestPortal } from '../../support/testPortal.ts';

let portal: Portal;

beforeAll(async () => {
  portal = await openTestPortal({ demo: false });
});

afterAll(async () => {
  await portal?.close();
});

describe('portalReadiness', () => {
  test('names each search index that cannot be reached', async () => {
    const readiness = await portalReadiness(portal);
    expect(readiness.ready).toBe(false);
    expect(readiness.store).toBe('ok');
    expect(readiness.notReady).toEqual(['search index drugs', 'search index availability', 'search index articles']);
  });

  test('is ready once the store answers and every index exists', async () => {
    await prepareStore(portal, () => {});
    const readiness = await portalReadiness(portal);
    expect(readiness).toMatchObject({ ready: true, store: 'ok', notReady: [] });
  });

  test('names the store when it no longer answers', async () => {
    const closedStore = await openSqliteStore(join(portal.config.DATA_DIR, 'closed.sqlite'));
    await closedStore.destroy();
    const broken: Portal = { ...portal, store: closedStore };
    const readiness = await portalReadiness(broken);
    expect(readiness.ready).toBe(false);
    expect(readiness.notReady).toContain('store');
  });
});
