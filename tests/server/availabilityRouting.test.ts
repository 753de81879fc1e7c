import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DrugVariety } from '../../src/domain/drugs/drugVariety.ts';
import type { Facility } from '../../src/domain/facilities/facility.ts';
import { availabilityQuery } from '../../src/domain/stock/availabilityQuery.ts';
import type { Portal } from '../../src/server/portal.ts';
import type { FacilityDocument } from '../../src/server/search/availabilityIndex.ts';
import { portalReadiness } from '../../src/server/readiness.ts';
import { availabilityRouter, routedFacilitiesWithDrug, shardsForQuery } from '../../src/server/search/availabilityRouting.ts';
import { type RunningMeilisearch, startEmbeddedMeilisearch } from '../../src/server/search/embeddedMeilisearch.ts';
import { reindexAll, reindexFacilities } from '../../src/server/search/reindex.ts';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../src/server/store/facilityStore.ts';
import { saveStockReports } from '../../src/server/store/stockStore.ts';
import { openTestPortal } from '../support/testPortal.ts';

const drug: DrugVariety = {
  id: 'W078', emlNumber: null, kind: 'chemical', genericName: '布洛芬', englishName: null, category: '测试', subcategory: null,
  therapeuticGroup: null, alsoListedIn: [], forms: [], formsText: '', specialistOnly: false, notes: null,
  isEssential: true, pinyinFull: '', pinyinInitials: '', aliases: [],
};
const facility = (id: string, countyCode: string, lat: number, lng: number): Facility => ({
  id, name: `${id} 示例药房`, type: 'retail_pharmacy', level: null, address: '示例路 1 号', countyCode,
  townshipCode: null, lat, lng, phone: null, openingHours: { days: [], allDay: false, note: null },
  insuranceDesignated: true, isDemo: true,
});
// Jingdezhen (Jiangxi, 36) on the run's Meilisearch; Qimen (Anhui, 34) across the border on a second instance.
const facilities = [
  facility('JX-1', '360202', 29.30, 117.20),
  facility('JX-2', '360281', 29.60, 117.25),
  facility('AH-1', '341024', 29.86, 117.72),
  facility('AH-2', '341024', 29.95, 117.60),
];

let dir: string;
let second: RunningMeilisearch;
let base: Portal & { dir: string };
let portal: Portal;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'routing-'));
  second = await startEmbeddedMeilisearch(dir);
  base = await openTestPortal({ demo: false });
  portal = {
    ...base,
    config: { ...base.config, MEILI_PROVINCES: { '34': { url: second.url, key: second.masterKey } } },
  };
  await saveCatalogue(portal.store, [drug]);
  await saveFacilities(portal.store, facilities);
  await saveStockReports(
    portal.store,
    facilities.map((f) => ({
      facilityId: f.id, drugId: 'W078', status: 'in_stock' as const, quantity: 5, priceFen: null, priceUnit: null,
      reportedAt: '2026-11-24T01:30:00.000Z',
    })),
    'test',
  );
  await reindexAll(portal);
}, 60_000);

afterAll(async () => {
  for (const shard of portal ? availabilityRouter(portal).shards : []) {
    await shard.search.client.deleteIndex(shard.indexUid).waitTask().catch(() => undefined);
  }
  await base?.close();
  await second?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async (query: Record<string, string>) =>
  (await routedFacilitiesWithDrug(portal, 'W078', availabilityQuery.parse(query))).hits.map((h) => h.id);

describe('availability routed by province', () => {
  test('indexing writes each facility to its province instance only', async () => {
    const router = availabilityRouter(portal);
    const [main, anhui] = [router.shardOf('36'), router.shardOf('34')];
    const onMain = await main.search.client.index<FacilityDocument>(main.indexUid).getDocuments({ limit: 10 });
    const onSecond = await anhui.search.client.index<FacilityDocument>(anhui.indexUid).getDocuments({ limit: 10 });
    expect(onMain.results.map((d) => d.id).sort()).toEqual(['JX-1', 'JX-2']);
    expect(onSecond.results.map((d) => d.id).sort()).toEqual(['AH-1', 'AH-2']);
  });

  test('a radius inside one province asks only its instance', async () => {
    const router = availabilityRouter(portal);
    const shards = await shardsForQuery(router, availabilityQuery.parse({ lat: '29.3', lng: '117.2', radius: '5' }));
    expect(shards).toEqual([router.shardOf('36')]);
    expect(await ids({ lat: '29.3', lng: '117.2', radius: '5' })).toEqual(['JX-1']);
  });

  test('a radius across the border asks both instances and merges nearest first', async () => {
    // From 29.7°N 117.5°E: JX-2 ≈ 26.6 km, AH-1 ≈ 27.7 km, AH-2 ≈ 29.4 km, JX-1 ≈ 53 km.
    expect(await ids({ lat: '29.7', lng: '117.5', radius: '60' })).toEqual(['JX-2', 'AH-1', 'AH-2', 'JX-1']);
    expect(await ids({ lat: '29.7', lng: '117.5', radius: '60', limit: '2' })).toEqual(['JX-2', 'AH-1']);
  });

  test('a region asks its province instance', async () => {
    expect((await ids({ region: '34' })).sort()).toEqual(['AH-1', 'AH-2']);
    expect((await ids({ region: '36' })).sort()).toEqual(['JX-1', 'JX-2']);
  });

  test('a stock update reaches the province instance incrementally', async () => {
    await saveStockReports(
      portal.store,
      [{ facilityId: 'AH-2', drugId: 'W078', status: 'out', quantity: 0, priceFen: null, priceUnit: null, reportedAt: '2026-11-25T01:30:00.000Z' }],
      'test',
    );
    await reindexFacilities(portal, ['AH-2']);
    expect(await ids({ lat: '29.7', lng: '117.5', radius: '60', available: '1' })).toEqual(['JX-2', 'AH-1', 'JX-1']);
  });
});

describe('readiness with availability routed by province', () => {
  test('lists each province instance and is ready while every one answers', async () => {
    const readiness = await portalReadiness(portal);
    expect(readiness.shards).toEqual([{ index: `${portal.config.MEILI_INDEX_PREFIX}availability_34`, provinces: ['34'], state: 'ok' }]);
    expect(readiness.notReady).toEqual([]);
    expect(readiness.ready).toBe(true);
  });

  test('names the province instance that is down, and only that one', async () => {
    // Nothing listens on port 9 of loopback; Hubei (42) shares the Anhui instance, which still answers.
    const closed = 'http://127.0.0.1:9';
    const index = (code: string) => `${portal.config.MEILI_INDEX_PREFIX}availability_${code}`;
    const degraded: Portal = {
      ...portal,
      config: {
        ...portal.config,
        MEILI_PROVINCES: {
          '34': { url: second.url, key: second.masterKey },
          '42': { url: second.url, key: second.masterKey, index: index('34') },
          '44': { url: closed, key: 'x' },
          '45': { url: closed, key: 'x' },
        },
      },
    };
    const readiness = await portalReadiness(degraded);
    expect(readiness.ready).toBe(false);
    expect(readiness.shards).toEqual([
      { index: index('34'), provinces: ['34', '42'], state: 'ok' },
      { index: index('44'), provinces: ['44'], state: 'unavailable' },
      { index: index('45'), provinces: ['45'], state: 'unavailable' },
    ]);
    expect(readiness.notReady).toEqual([`search index ${index('44')} (provinces 44)`, `search index ${index('45')} (provinces 45)`]);
  });

  test('counts a province instance that accepts connections but never answers as down within the probe time', async () => {
    // A hung instance: the TCP connection opens, no HTTP answer ever comes.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const hung: Portal = {
        ...portal,
        config: { ...portal.config, MEILI_PROVINCES: { '46': { url: `http://127.0.0.1:${address.port}`, key: 'x' } } },
      };
      const started = performance.now();
      const readiness = await portalReadiness(hung);
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(readiness.notReady).toEqual([`search index ${portal.config.MEILI_INDEX_PREFIX}availability_46 (provinces 46)`]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
