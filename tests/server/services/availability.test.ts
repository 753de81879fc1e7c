import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { availabilityQuery } from '../../../src/domain/stock/availabilityQuery.ts';
import { prepareStore } from '../../../src/server/bootstrap/prepareStore.ts';
import type { Portal } from '../../../src/server/portal.ts';
import { reindexAll } from '../../../src/server/search/reindex.ts';
import { availabilityOf } from '../../../src/server/services/availability.ts';
import { facilityDetail } from '../../../src/server/services/facilityDetail.ts';
import { closeFacility, reopenFacility } from '../../../src/server/store/facilityClosureStore.ts';
import { saveStockReports } from '../../../src/server/store/stockStore.ts';
import { drugIdsOnListsInForce } from '../../../src/server/store/shortageListStore.ts';
import { availabilityResponse } from '../../../src/server/http/availabilityEndpoint.ts';
import { providePortal } from '../../../src/server/portal.ts';
import type { AvailabilityResult } from '../../../src/server/services/availability.ts';
import { insertCitizenReport } from '../../support/storeFixtures.ts';
import { openTestPortal } from '../../support/testPortal.ts';

let portal: Portal;

/** A drug on a 示例 shortage list in force with 有货 facts between one and three days old, where 24 h and 72 h differ. */
async function listedDrugWithFacts(): Promise<string> {
  const entries = await portal.store.selectFrom('shortage_list_entries').select('drug_id').distinct().where('drug_id', 'is not', null).execute();
  const listed = await drugIdsOnListsInForce(portal.store, entries.map((e) => e.drug_id ?? ''));
  for (const drugId of [...listed].sort()) {
    const result = await availabilityOf(portal, drugId, availabilityQuery.parse({ region: '3602', limit: '100' }));
    const hours = (f: { reportedAt: string }) => (Date.now() - Date.parse(f.reportedAt)) / 3_600_000;
    if (result.facilities.some((f) => f.status !== 'out' && hours(f) > 24.1 && hours(f) < 72) && result.facilities.some((f) => f.status !== 'out' && hours(f) < 23.9)) return drugId;
  }
  throw new Error('no listed drug with facts of both ages in the demo data');
}
const standingRank = { usable: 0, low: 1, call: 2, disputed: 3, out: 4 } as const;
const ibuprofen = 'W078';

beforeAll(async () => {
  portal = await openTestPortal({ demo: true });
  await prepareStore(portal, () => {});
});

afterAll(async () => {
  await portal?.close();
});

describe('availabilityOf', () => {
  test('near a point ranks by standing, then open now, then nearest, each row with distance, source and age', async () => {
    const result = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ lat: '29.3', lng: '117.205', radius: '10' }));
    expect(result.orderedBy).toBe('distance');
    expect(result.radiusKm).toBe(10);
    expect(result.facilities.length).toBeGreaterThan(5);
    const key = (f: (typeof result.facilities)[number]): [number, number, number] => [standingRank[f.standing], f.openNow === true ? 0 : 1, f.distanceKm ?? Number.NaN];
    const keys = result.facilities.map(key);
    expect([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])).toEqual(keys);
    expect(Math.max(...result.facilities.map((f) => f.distanceKm ?? Number.NaN))).toBeLessThanOrEqual(10);
    expect(result.facilities.every((f) => f.sourceLabel === '演示数据' && f.reportAgeLabel.length > 0)).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(result.facilities.length);
    expect(result.summary.usable).toBeGreaterThan(0);
  });

  test('within a county returns only that county, usable facts first, stale ones to call before 缺货', async () => {
    const result = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '360281', limit: '100' }));
    expect(result.facilities.length).toBeGreaterThan(0);
    expect(result.facilities.every((f) => f.countyCode === '360281')).toBe(true);
    const ranks = result.facilities.map((f) => standingRank[f.standing]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  test('pages beyond the first 30 without losing or repeating a facility', async () => {
    const one = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '3602', limit: '100' }));
    const first = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '3602' }));
    const second = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '3602', page: '2' }));
    expect(first.pageCount).toBeGreaterThan(1);
    expect(second.page).toBe(2);
    expect([...first.facilities, ...second.facilities].map((f) => f.id)).toEqual(one.facilities.slice(0, 60).map((f) => f.id));
  });

  test('a report older than 30 days is not shown as stock; a drug on a shortage list goes stale after 24 h', async () => {
    const listedDrug = await listedDrugWithFacts();
    const later = new Date(Date.now() + 29 * 24 * 3_600_000);
    const all = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '360281', limit: '100' }), { now: later });
    const muchLater = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '360281', limit: '100' }), { now: new Date(later.getTime() + 25 * 24 * 3_600_000) });
    expect(muchLater.total).toBeLessThan(all.total);
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    const unlisted = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '3602', limit: '100' }), { now: tomorrow });
    expect(unlisted.facilities.some((f) => f.standing === 'usable')).toBe(true);
    const shortage = await availabilityOf(portal, listedDrug, availabilityQuery.parse({ region: '3602', limit: '100' }), { now: tomorrow });
    expect(shortage.facilities.some((f) => f.status === 'in_stock')).toBe(true);
    expect(shortage.facilities.filter((f) => f.status !== 'out').every((f) => f.standing === 'call' || f.standing === 'disputed')).toBe(true);
  });

  test('"has it now" leaves out 缺货 and the type filter keeps only that type', async () => {
    const result = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '3602', available: '1', type: 'retail_pharmacy', limit: '100' }));
    expect(result.facilities.length).toBeGreaterThan(0);
    expect(result.facilities.every((f) => f.status !== 'out' && f.type === 'retail_pharmacy')).toBe(true);
  });

  test('a new stock report shows up after the facility is re-indexed, and an older one is ignored', async () => {
    const before = await availabilityOf(portal, 'W001', availabilityQuery.parse({ region: '3602', limit: '100' }));
    const target = before.facilities[0];
    expect(target).toBeDefined();
    if (!target) return;
    const now = new Date().toISOString();
    await saveStockReports(portal.store, [{ facilityId: target.id, drugId: 'W001', status: 'out', quantity: 0, priceFen: null, priceUnit: null, reportedAt: now }], 'test');
    await saveStockReports(portal.store, [{ facilityId: target.id, drugId: 'W001', status: 'in_stock', quantity: 5, priceFen: null, priceUnit: null, reportedAt: '2020-01-01T00:00:00.000Z' }], 'test');
    await reindexAll(portal);
    const available = await availabilityOf(portal, 'W001', availabilityQuery.parse({ region: '3602', available: '1', limit: '100' }));
    expect(available.facilities.some((f) => f.id === target.id)).toBe(false);
    const all = await availabilityOf(portal, 'W001', availabilityQuery.parse({ region: '3602', limit: '100' }));
    expect(all.facilities.find((f) => f.id === target.id)?.status).toBe('out');
  });

  test('rebuilding the index twice gives the same answers', async () => {
    const query = availabilityQuery.parse({ lat: '28.96', lng: '117.13', radius: '15' });
    await reindexAll(portal);
    const first = await availabilityOf(portal, ibuprofen, query);
    const report = await reindexAll(portal);
    const second = await availabilityOf(portal, ibuprofen, query);
    expect(report.drugs).toBe(794);
    expect(second.facilities.map((f) => f.id)).toEqual(first.facilities.map((f) => f.id));
  });
});

describe('a facility closed by staff', () => {
  test('leaves the results from its closing day on, and its page stays with the closure', async () => {
    const query = availabilityQuery.parse({ region: '360281', limit: '100' });
    const before = await availabilityOf(portal, ibuprofen, query);
    const target = before.facilities[0]?.id ?? '';
    const now = new Date('2026-12-03T00:30:00+08:00');
    await closeFacility(portal.store, { facilityId: target, closedFrom: '2026-12-03', note: '拆迁' }, 'data-1', now);
    const dayBefore = await availabilityOf(portal, ibuprofen, query, { now: new Date('2026-12-02T23:30:00+08:00') });
    const after = await availabilityOf(portal, ibuprofen, query, { now });
    expect(after.facilities.some((f) => f.id === target)).toBe(false);
    expect(after.total).toBe(dayBefore.total - 1);
    const page = await facilityDetail(portal, target, undefined, now);
    expect(page?.closure).toEqual({ facilityId: target, closedFrom: '2026-12-03', note: '拆迁' });
    await reopenFacility(portal.store, target);
    expect((await availabilityOf(portal, ibuprofen, query, { now })).facilities.some((f) => f.id === target)).toBe(true);
  });
});

describe('facilityDetail', () => {
  test('finds a drug within a facility by its initials', async () => {
    const result = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '3602' }));
    const facilityId = result.facilities[0]?.id ?? '';
    const detail = await facilityDetail(portal, facilityId, 'blf');
    expect(detail?.stock.map((s) => s.drugName)).toContain('布洛芬');
    expect(detail?.stock.every((s) => s.drugName.includes('布洛芬'))).toBe(true);
  });
});

describe('the availability API and the drug page judge facts alike', () => {
  test('the API ages a shortage-listed drug at 24 h, as the page does: no 有货 older than a day is usable', async () => {
    providePortal(portal);
    const listedDrug = await listedDrugWithFacts();
    const answer = await availabilityResponse(listedDrug, new URL(`http://portal.test/api/drugs/${listedDrug}/availability?region=3602&limit=100`));
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as AvailabilityResult;
    const hoursOld = (f: { reportedAt: string }) => (Date.now() - Date.parse(f.reportedAt)) / 3_600_000;
    const held = body.facilities.filter((f) => f.status !== 'out');
    // Facts between one and three days old are where the two rules differ: there must be some to show it.
    const between = held.filter((f) => hoursOld(f) > 24.1 && hoursOld(f) < 72);
    expect(between.length).toBeGreaterThan(0);
    expect(between.every((f) => f.standing === 'call' || f.standing === 'disputed')).toBe(true);
    expect(held.filter((f) => hoursOld(f) < 23.9).some((f) => f.standing === 'usable' || f.standing === 'low')).toBe(true);
  });
});

describe('a disputed fact (有群众反映缺货)', () => {
  /** A drug on no list, with a fresh 有货 in the city: the plain case a dispute overturns. */
  async function freshFact() {
    const candidates = ['W002', 'W003', 'W004', 'W005', 'W006', 'W007', 'W008'];
    const listed = await drugIdsOnListsInForce(portal.store, candidates);
    for (const drugId of candidates.filter((d) => !listed.has(d))) {
      const result = await availabilityOf(portal, drugId, availabilityQuery.parse({ region: '3602', limit: '100' }));
      const usable = result.facilities.find((f) => f.standing === 'usable');
      if (usable && result.facilities.some((f) => f.standing === 'call')) return { drugId, fact: usable };
    }
    throw new Error('no unlisted drug with a fresh 有货 and a stale one in the demo data');
  }

  test('3 reports from different devices mark it, rank it below fresh and stale 有货, and a newer stock report clears it', async () => {
    const { drugId, fact } = await freshFact();
    const query = availabilityQuery.parse({ region: '3602', limit: '100' });
    const afterReport = (minutes: number) => new Date(Date.parse(fact.reportedAt) + minutes * 60_000).toISOString();
    for (const [i, device] of ['a', 'b'].entries()) await insertCitizenReport(portal.store, { facilityId: fact.id, drugId, receivedAt: afterReport(i + 1), device });
    const two = await availabilityOf(portal, drugId, query);
    expect(two.facilities.find((f) => f.id === fact.id)?.standing).toBe('usable');

    await insertCitizenReport(portal.store, { facilityId: fact.id, drugId, receivedAt: afterReport(3), device: 'c' });
    const three = await availabilityOf(portal, drugId, query);
    const disputed = three.facilities.find((f) => f.id === fact.id);
    expect(disputed).toMatchObject({ standing: 'disputed', disputed: true, status: 'in_stock' });
    const index = three.facilities.findIndex((f) => f.id === fact.id);
    expect(three.facilities.slice(0, index).every((f) => ['usable', 'low', 'call'].includes(f.standing))).toBe(true);
    expect(three.facilities.slice(index + 1).every((f) => f.standing === 'disputed' || f.standing === 'out')).toBe(true);
    expect(three.summary.usable).toBe(two.summary.usable - 1);
    const page = await facilityDetail(portal, fact.id, undefined);
    expect(page?.stock.find((s) => s.drugId === drugId)?.standing).toBe('disputed');
    // The facility's own list ranks on standing too: the disputed fact after every usable and stale one.
    const ranks = (page?.stock ?? []).map((s) => standingRank[s.standing]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(page?.citizenReports.filter((r) => r.drugId === drugId)).toHaveLength(3);
    expect(page?.citizenReports[0]).toEqual({ drugId, drugName: `药品${drugId}`, problemLabel: '买不到', receivedAt: afterReport(3), statusLabel: '已受理' });

    await saveStockReports(portal.store, [{ facilityId: fact.id, drugId, status: 'in_stock', quantity: 3, priceFen: null, priceUnit: null, reportedAt: afterReport(10) }], 'test');
    const cleared = await availabilityOf(portal, drugId, query);
    expect(cleared.facilities.find((f) => f.id === fact.id)).toMatchObject({ standing: 'usable', disputed: false });
  });

  test('a single verified (属实) report marks a fact', async () => {
    const { drugId, fact } = await freshFact();
    const after = new Date(Date.parse(fact.reportedAt) + 60_000).toISOString();
    await insertCitizenReport(portal.store, { facilityId: fact.id, drugId, receivedAt: after, result: 'confirmed' });
    const result = await availabilityOf(portal, drugId, availabilityQuery.parse({ region: '3602', limit: '100' }));
    expect(result.facilities.find((f) => f.id === fact.id)?.standing).toBe('disputed');
  });
});
