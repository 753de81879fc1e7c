import { afterEach, expect, test } from 'vitest';
import type { StockPosition } from '../../src/domain/openData/changeCursor.ts';
import { stockSequence } from '../../src/server/store/changeCounterStore.ts';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../src/server/store/facilityStore.ts';
import { type StockChange, stockChangesAfter } from '../../src/server/store/openDataStore.ts';
import type { Store } from '../../src/server/store/openStore.ts';
import { saveStockReports, stockAtFacility } from '../../src/server/store/stockStore.ts';
import { testDrug, testFacility, testReport } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const drugs = ['W001', 'W002', 'W003', 'W004', 'W005'];
const facilities = Array.from({ length: 120 }, (_, i) => `F-${String(i).padStart(3, '0')}`);

async function register(store: Store): Promise<void> {
  await saveCatalogue(store, drugs.map((id) => testDrug(id, `药${id}`)));
  await saveFacilities(store, facilities.map((id) => testFacility(id)));
}

/** One import: every facility × drug, reported at `at`, with a status telling the imports apart. */
function importAt(at: string, status: 'in_stock' | 'low' | 'out', only = facilities) {
  return only.flatMap((f) => drugs.map((d) => testReport(f, d, at, { status, quantity: Date.parse(at) % 1000 })));
}

const key = (c: { facilityId: string; drugId: string }) => `${c.facilityId}|${c.drugId}`;
const positionOf = (c: StockChange): StockPosition => [c.changeSeq, c.facilityId, c.drugId];

/** Pages the feed to its end from `from`, as a mirror would; returns what it saw and where it stopped. */
async function pageToEnd(store: Store, from: StockPosition | null, limit: number, seen: StockChange[]): Promise<StockPosition | null> {
  let at = from;
  for (;;) {
    const page = await stockChangesAfter(store, at, limit);
    seen.push(...page);
    const last = page.at(-1);
    if (last) at = positionOf(last);
    if (page.length < limit) return at;
  }
}

describeStores('stock change feed', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  test('numbers each write transaction, and a row written again moves to the end of the feed', async () => {
    t = await open();
    await register(t.store);
    await saveStockReports(t.store, [testReport('F-001', 'W001', '2026-12-01T01:00:00Z'), testReport('F-002', 'W001', '2026-12-01T01:00:00Z')], 'a');
    await saveStockReports(t.store, [testReport('F-001', 'W002', '2026-12-01T02:00:00Z')], 'b');
    await saveStockReports(t.store, [testReport('F-001', 'W001', '2026-12-01T03:00:00Z', { status: 'out' })], 'c');
    // An older report changes nothing, so it takes a number but moves no row.
    await saveStockReports(t.store, [testReport('F-002', 'W001', '2026-11-01T00:00:00Z', { status: 'out' })], 'd');
    const all = await stockChangesAfter(t.store, null, 100);
    expect(all.map((c) => [c.changeSeq, key(c), c.status, c.source])).toEqual([
      [1, 'F-002|W001', 'in_stock', 'a'],
      [2, 'F-001|W002', 'in_stock', 'b'],
      [3, 'F-001|W001', 'out', 'c'],
    ]);
    expect((await stockSequence(t.store)).value).toBe(4);
    const [first] = all;
    if (!first) throw new Error('no changes');
    expect((await stockChangesAfter(t.store, positionOf(first), 1)).map(key)).toEqual(['F-001|W002']);
    expect(await stockChangesAfter(t.store, [3, 'F-001', 'W001'], 10)).toEqual([]);
  });

  test('pages through one large write in key order without repeating or skipping a row', async () => {
    t = await open();
    await register(t.store);
    await saveStockReports(t.store, importAt('2026-12-01T01:00:00Z', 'in_stock'), 'one');
    const seen: StockChange[] = [];
    await pageToEnd(t.store, null, 7, seen);
    expect(seen).toHaveLength(facilities.length * drugs.length);
    expect(new Set(seen.map(key)).size).toBe(seen.length);
    expect(seen.map(key)).toEqual([...seen.map(key)].sort());
  });

  test('a client paging while imports land misses nothing and sees nothing twice', async () => {
    t = await open();
    const store = t.store;
    await register(store);
    await saveStockReports(store, importAt('2026-12-01T00:00:00Z', 'in_stock'), 'base');
    const seen: StockChange[] = [];
    let at = await pageToEnd(store, null, 50, seen);

    // A large import and two small ones of other facilities at once (on PostgreSQL, on separate connections),
    // while the client keeps paging small pages. The small ones would commit first, with later numbers than the
    // large one, if nothing ordered them; a client that had passed those numbers would never see the large one.
    let importing = true;
    const imports = Promise.all([
      saveStockReports(store, importAt('2026-12-02T00:00:00Z', 'low', facilities.slice(0, 100)), 'large'),
      saveStockReports(store, importAt('2026-12-02T01:00:00Z', 'out', facilities.slice(100, 103)), 'small-1'),
      saveStockReports(store, importAt('2026-12-02T02:00:00Z', 'in_stock', facilities.slice(110, 112)), 'small-2'),
    ]).finally(() => {
      importing = false;
    });
    while (importing) {
      const page = await stockChangesAfter(store, at, 9);
      seen.push(...page);
      const last = page.at(-1);
      if (last) at = positionOf(last);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await imports;
    await pageToEnd(store, at, 9, seen);

    // Nothing twice: no row version (pair at a change number) arrives a second time.
    const versions = seen.map((c) => `${key(c)}@${c.changeSeq}`);
    expect(new Set(versions).size).toBe(versions.length);
    // Nothing missed: the last version the client saw of every pair is what the store holds now.
    const mirror = new Map(seen.map((c) => [key(c), `${c.status}/${c.reportedAt}/${c.source}`]));
    for (const facility of facilities) {
      for (const row of await stockAtFacility(store, facility)) {
        expect(mirror.get(key(row)), key(row)).toBe(`${row.status}/${row.reportedAt}/${row.source}`);
      }
    }
    expect(mirror.size).toBe(facilities.length * drugs.length);
  });
});
