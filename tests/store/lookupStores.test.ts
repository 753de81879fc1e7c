import { afterEach, beforeEach, expect, test } from 'vitest';
import { drugIdNamed, drugSummaries, matchableDrugs, saveCatalogue } from '../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../src/server/store/facilityStore.ts';
import type { Store } from '../../src/server/store/openStore.ts';
import { regionName, regionNames, saveRegions } from '../../src/server/store/regionStore.ts';
import { staffDisplayNames } from '../../src/server/store/staffAccountStore.ts';
import { recordImportRun, saveStockReports, stockReportKey, storedStockReports } from '../../src/server/store/stockStore.ts';
import { seedAccount } from '../server/staff/staffFixtures.ts';
import { jingdezhenRegions, testDrug, testFacility, testReport } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

// The one look-up each for names that feature code used to query itself: regions, drugs, staff, stored stock.
describeStores('shared look-ups', (open) => {
  let opened: TestStore;
  let store: Store;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
    await saveRegions(store, jingdezhenRegions());
    await saveCatalogue(store, [
      testDrug('W078', '布洛芬', { aliases: [{ name: '芬必得', kind: 'brand', source: 'test' }, { name: '止痛片', kind: 'brand', source: 'test' }] }),
      testDrug('W079', '布洛芬颗粒', { kind: 'tcm', formsText: '颗粒剂', aliases: [{ name: '止痛片', kind: 'brand', source: 'test' }] }),
    ]);
  });
  afterEach(async () => opened.close());

  test('names regions by code, leaving out codes the register does not know', async () => {
    expect(await regionNames(store, ['360281', '3602', '999999', '3602'])).toEqual(new Map([['3602', '景德镇市'], ['360281', '乐平市']]));
    expect(await regionName(store, '360222')).toBe('浮梁县');
    expect(await regionName(store, '999999')).toBeUndefined();
    expect(await regionNames(store, [])).toEqual(new Map());
  });

  test('resolves a typed drug name by generic name or by an alias only one variety has', async () => {
    expect(await drugIdNamed(store, '布洛芬颗粒')).toBe('W079');
    expect(await drugIdNamed(store, '芬必得')).toBe('W078');
    // Shared by two varieties: ambiguous, so nothing.
    expect(await drugIdNamed(store, '止痛片')).toBeUndefined();
    expect(await drugIdNamed(store, '阿司匹林')).toBeUndefined();
  });

  test('summarises drugs for given ids or all, and lists every name for the list matcher', async () => {
    expect(await drugSummaries(store, ['W079', 'X000'])).toEqual(
      new Map([['W079', { id: 'W079', genericName: '布洛芬颗粒', kind: 'tcm', category: '测试类', formsText: '颗粒剂' }]]),
    );
    expect([...(await drugSummaries(store)).keys()].sort()).toEqual(['W078', 'W079']);
    expect(await drugSummaries(store, [])).toEqual(new Map());
    const matchable = (await matchableDrugs(store)).sort((a, b) => a.id.localeCompare(b.id));
    expect(matchable.map((d) => [d.id, [...d.aliases].sort()])).toEqual([['W078', ['止痛片', '芬必得']], ['W079', ['止痛片']]]);
  });

  test('names staff accounts by id, for authors and reviewers', async () => {
    const account = await seedAccount(store, 'li.ming', '360203', ['data']);
    expect(await staffDisplayNames(store, [account.id, null, 9999, account.id])).toEqual(
      new Map([[account.id, { displayName: account.displayName, username: 'li.ming' }]]),
    );
    expect(await staffDisplayNames(store, [null])).toEqual(new Map());
  });

  test('reads the stored reports an import compares against, and records the run', async () => {
    await saveFacilities(store, [testFacility('F1'), testFacility('F2')]);
    const report = testReport('F1', 'W078', '2026-12-01T01:00:00.000Z');
    await saveStockReports(store, [report, testReport('F2', 'W079', '2026-12-01T01:00:00.000Z')], 'test');
    const stored = await storedStockReports(store, ['F1', 'F2'], ['W078']);
    expect([...stored.keys()]).toEqual([stockReportKey(report)]);
    expect(stored.get(stockReportKey(report))).toEqual(report);
    const run = { kind: 'stock', file_name: 'a.csv', file_sha256: 'x', rows_total: 2, rows_imported: 2, rows_skipped: 0, started_at: 'a', finished_at: 'b' };
    const first = await recordImportRun(store, run);
    expect(await recordImportRun(store, run)).toBe(first + 1);
  });
});
