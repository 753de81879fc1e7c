import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prepareStore } from '../../../src/server/bootstrap/prepareStore.ts';
import { parseConfig } from '../../../src/server/config.ts';
import { availabilityResponse } from '../../../src/server/http/availabilityEndpoint.ts';
import { type Portal, providePortal } from '../../../src/server/portal.ts';
import { isServiceUnavailable } from '../../../src/server/resilience/unavailable.ts';
import { type RunningMeilisearch, startEmbeddedMeilisearch } from '../../../src/server/search/embeddedMeilisearch.ts';
import { meiliRestartCount, onMeiliRestart } from '../../../src/server/search/meiliRestarts.ts';
import { connectSearch } from '../../../src/server/search/meiliClient.ts';
import { drugDetail } from '../../../src/server/services/drugDetail.ts';
import { drugSearch } from '../../../src/server/services/drugSearch.ts';
import { openSqliteStore } from '../../../src/server/store/openStore.ts';
import { killEmbeddedMeili } from '../../support/meiliProcess.ts';

/**
 * The portal's own embedded Meilisearch (not the run's shared one) is killed with SIGKILL. Search-dependent
 * answers become 503 search_unavailable, the store's answers go on, and the supervisor brings the child back on
 * the same data, so search answers again without a reindex. The catalogue alone (no demo register) keeps the
 * set-up to a few seconds; availability then answers 200 with whatever the store holds.
 */
let dir: string;
let meili: RunningMeilisearch;
let portal: Portal;
const logged: string[] = [];
const availabilityUrl = new URL('http://portal.local/api/drugs/W078/availability?region=3602');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fault-search-outage-'));
  meili = await startEmbeddedMeilisearch(dir, (line) => logged.push(line), { restartBaseMs: 300 });
  const store = await openSqliteStore(join(dir, 'portal.sqlite'));
  portal = {
    config: parseConfig({ DATA_DIR: dir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, DEMO_DATA: '0' }),
    store,
    search: connectSearch(meili.url, meili.masterKey),
    close: async () => {
      await store.destroy();
      await meili.stop();
    },
  };
  await prepareStore(portal, () => {});
  providePortal(portal);
});

afterAll(async () => {
  await portal?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the embedded Meilisearch killed', () => {
  test('answers 503 search_unavailable, keeps the store answering, and searches again after the restart', async () => {
    expect((await availabilityResponse('W078', availabilityUrl)).status).toBe(200);
    const restartsBefore = meiliRestartCount();
    const restarted = new Promise((resolve) => onMeiliRestart(resolve));
    expect(killEmbeddedMeili(dir)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));

    const outage = await availabilityResponse('W078', availabilityUrl);
    expect(outage.status).toBe(503);
    expect(Number(outage.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await outage.json();
    expect(body.error.code).toBe('search_unavailable');
    expect(body.error.message).toMatch(/搜索服务暂时不可用/);
    const searchError = await drugSearch(portal, 'blf', 5).catch((e: unknown) => e);
    expect(isServiceUnavailable(searchError) && searchError.code).toBe('search_unavailable');
    // What the store knows does not need search.
    expect((await drugDetail(portal, 'W078'))?.drug.genericName).toBe('布洛芬');

    await restarted;
    expect(meiliRestartCount()).toBe(restartsBefore + 1);
    expect(logged.some((line) => /restarted/.test(line))).toBe(true);
    const again = await availabilityResponse('W078', availabilityUrl);
    expect(again.status).toBe(200);
    expect((await again.json()).drugId).toBe('W078');
    expect((await drugSearch(portal, 'blf', 5)).hits[0]?.id).toBe('W078');
  });
});
