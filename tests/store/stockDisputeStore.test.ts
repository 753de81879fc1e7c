import { afterEach, expect, test } from 'vitest';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import { saveListVersion, drugIdsOnListsInForce } from '../../src/server/store/shortageListStore.ts';
import { disputeKey, recentReportsAtFacility, unavailableReportsAt } from '../../src/server/store/stockDisputeStore.ts';
import { insertCitizenReport, testDrug } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

describeStores('stockDisputeStore', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  test('reads 买不到 reports per facility × drug with their verification, leaving out repeats, other problems and old ones', async () => {
    t = await open();
    const first = await insertCitizenReport(t.store, { facilityId: 'F1', drugId: 'W001', receivedAt: '2026-12-01T01:00:00.000Z', device: 'a', result: 'confirmed' });
    await insertCitizenReport(t.store, { facilityId: 'F1', drugId: 'W001', receivedAt: '2026-12-01T01:05:00.000Z', device: 'a', duplicateOf: first });
    await insertCitizenReport(t.store, { facilityId: 'F1', drugId: 'W001', receivedAt: '2026-12-01T02:00:00.000Z', device: 'b', problem: 'price_rise' });
    await insertCitizenReport(t.store, { facilityId: 'F1', drugId: 'W001', receivedAt: '2026-10-01T02:00:00.000Z', device: 'c' });
    await insertCitizenReport(t.store, { facilityId: 'F1', drugId: 'W002', receivedAt: '2026-12-01T03:00:00.000Z', device: 'd' });
    await insertCitizenReport(t.store, { facilityId: 'F2', drugId: 'W001', receivedAt: '2026-12-01T04:00:00.000Z', device: 'e' });
    const byPair = await unavailableReportsAt(t.store, { facilityIds: ['F1', 'F2'], drugIds: ['W001'] }, '2026-11-01T00:00:00.000Z');
    expect(byPair.get(disputeKey('F1', 'W001'))).toEqual([{ receivedAt: '2026-12-01T01:00:00.000Z', verification: 'confirmed', deviceHash: 'a' }]);
    expect(byPair.get(disputeKey('F2', 'W001'))).toEqual([{ receivedAt: '2026-12-01T04:00:00.000Z', verification: null, deviceHash: 'e' }]);
    expect(byPair.has(disputeKey('F1', 'W002'))).toBe(false);
    const everyDrug = await unavailableReportsAt(t.store, { facilityIds: ['F1'] }, '2026-11-01T00:00:00.000Z');
    expect([...everyDrug.keys()].sort()).toEqual([disputeKey('F1', 'W001'), disputeKey('F1', 'W002')]);
  });

  test('the facility page gets drug, problem, date and case status of its newest reports, and nothing personal', async () => {
    t = await open();
    await insertCitizenReport(t.store, { facilityId: 'F1', drugId: 'W001', receivedAt: '2026-12-01T01:00:00.000Z', result: 'confirmed' });
    await insertCitizenReport(t.store, { facilityId: 'F1', drugId: 'W002', receivedAt: '2026-12-02T01:00:00.000Z', problem: 'price_rise' });
    await insertCitizenReport(t.store, { facilityId: 'F9', drugId: 'W002', receivedAt: '2026-12-03T01:00:00.000Z' });
    const lines = await recentReportsAtFacility(t.store, 'F1', 10);
    expect(lines).toEqual([
      { drugId: 'W002', drugName: '药品W002', problem: 'price_rise', receivedAt: '2026-12-02T01:00:00.000Z', status: 'received' },
      { drugId: 'W001', drugName: '药品W001', problem: 'unavailable', receivedAt: '2026-12-01T01:00:00.000Z', status: 'verified' },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/13812341234|私人描述|device/);
  });

  test('tells which drugs are on a list in force, not on a future one', async () => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W001', '甲'), testDrug('W002', '乙'), testDrug('W003', '丙')]);
    const list = (listKey: string, effectiveDate: string, drugIds: string[]) => ({
      listKey, kind: 'shortage' as const, scope: 'national' as const, regionCode: null, title: listKey, issuer: '国家卫生健康委',
      docNumber: null, effectiveDate, sourceUrl: null, isDemo: false, entries: drugIds.map((drugId) => ({ drugId, rawName: drugId, rawForm: null, note: null })),
    });
    await saveListVersion(t.store, list('now', '2026-01-01', ['W001']));
    await saveListVersion(t.store, list('later', '2099-01-01', ['W002']));
    expect(await drugIdsOnListsInForce(t.store, ['W001', 'W002', 'W003'], '2026-12-01')).toEqual(new Set(['W001']));
    expect(await drugIdsOnListsInForce(t.store, [], '2026-12-01')).toEqual(new Set());
  });
});
