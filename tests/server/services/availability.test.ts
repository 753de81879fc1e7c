import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { availabilityQuery } from '../../../src/domain/stock/availabilityQuery.ts';
import { prepareStore } from '../../../src/server/bootstrap/prepareStore.ts';
import type { Portal } from '../../../src/server/portal.ts';
import { reindexAll } from '../../../src/server/search/reindex.ts';
import { availabilityOf } from '../../../src/server/services/availability.ts';
import { facilityDetail } from '../../../src/server/services/facilityDetail.ts';
import { closeFacility, reopenFacility } from '../../../src/server/store/facilityClosureStore.ts';
import { saveStockReports } from '../../../src/server/store/stockStore.ts';
import { openTestPortal } from '../../support/testPortal.ts';

let portal: Portal;
const standingRank = { usable: 0, low: 1, call: 2, out: 3 } as const;
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
    const later = new Date(Date.now() + 29 * 24 * 3_600_000);
    const all = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '360281', limit: '100' }), { now: later });
    const muchLater = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '360281', limit: '100' }), { now: new Date(later.getTime() + 25 * 24 * 3_600_000) });
    expect(muchLater.total).toBeLessThan(all.total);
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    const shortage = await availabilityOf(portal, ibuprofen, availabilityQuery.parse({ region: '360281', limit: '100' }), { now: tomorrow, onShortageList: true });
    expect(shortage.facilities.filter((f) => f.status !== 'out').every((f) => f.standing === 'call')).toBe(true);
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
