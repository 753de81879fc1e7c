import { describe, expect, test } from 'vitest';
import type { AvailabilityResult, AvailabilitySummary } from '../../../src/server/services/availability.ts';
import { areaStatusLine } from '../../../src/server/services/availabilityView.ts';

const result = (summary: Partial<AvailabilitySummary>, total = 5): AvailabilityResult => ({
  drugId: 'W001',
  orderedBy: 'distance',
  radiusKm: 20,
  total,
  page: 1,
  pageCount: 1,
  facilities: [],
  summary: { usable: 0, usableOpenNow: 0, nearestUsableKm: null, nearestUsableOpenNow: null, toCall: 0, newestUsableAgeLabel: null, ...summary },
});

describe('areaStatusLine', () => {
  test('says the nearest with stock is closed when the first card is a farther one open now', () => {
    const line = areaStatusLine(result({ usable: 3, usableOpenNow: 1, nearestUsableKm: 1.2, nearestUsableOpenNow: false, newestUsableAgeLabel: '2 小时前' }), '附近');
    expect(line).toBe('附近 3 家有货 · 1 家现在营业 · 最近一家有货的 1.2 公里，休息中 · 2 小时前更新');
  });

  test('says the nearest is open when it is, and when its hours are unknown says so', () => {
    expect(areaStatusLine(result({ usable: 2, usableOpenNow: 2, nearestUsableKm: 0.4, nearestUsableOpenNow: true }), '附近')).toBe('附近 2 家有货 · 2 家现在营业 · 最近一家有货的 0.4 公里，营业中');
    expect(areaStatusLine(result({ usable: 1, nearestUsableKm: 3, nearestUsableOpenNow: null }), '附近')).toBe('附近 1 家有货 · 暂无确认营业中的 · 最近一家有货的 3 公里，营业时间未知');
  });

  test('in a region, counts without a distance', () => {
    expect(areaStatusLine(result({ usable: 4, usableOpenNow: 0, newestUsableAgeLabel: '刚刚' }), '珠山区')).toBe('珠山区 4 家有货 · 暂无确认营业中的 · 刚刚更新');
  });

  test('with no fresh 有货, counts only what is worth a call, never the 缺货 ones', () => {
    expect(areaStatusLine(result({ toCall: 2 }, 6), '附近')).toBe('附近暂无确认有货的机构 · 2 家可电话确认');
    expect(areaStatusLine(result({}, 6), '附近')).toBe('附近 6 家报告缺货');
    expect(areaStatusLine(result({}, 0), '附近')).toBe('附近暂无机构报告这种药');
  });
});
