import { describe, expect, test } from 'vitest';
import { factStanding, rankAvailability } from '../../../src/domain/stock/availabilityRanking.ts';

type Status = 'in_stock' | 'low' | 'out';
const row = (name: string, status: Status, more: { isStale?: boolean; disputed?: boolean; openNow?: boolean; distanceKm?: number | null; countyCode?: string; reportedAt?: string } = {}) => ({
  name,
  status,
  isStale: more.isStale ?? false,
  disputed: more.disputed ?? false,
  openNow: more.openNow ?? true,
  distanceKm: more.distanceKm ?? null,
  countyCode: more.countyCode ?? '360281',
  reportedAt: more.reportedAt ?? '2026-11-25T08:00:00Z',
});
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('factStanding', () => {
  test('fresh 有货 is usable, fresh 紧张 is low, any stale stock is call-first, 缺货 stays 缺货', () => {
    expect(factStanding({ status: 'in_stock', isStale: false })).toBe('usable');
    expect(factStanding({ status: 'low', isStale: false })).toBe('low');
    expect(factStanding({ status: 'in_stock', isStale: true })).toBe('call');
    expect(factStanding({ status: 'low', isStale: true })).toBe('call');
    expect(factStanding({ status: 'out', isStale: true })).toBe('out');
  });

  test('a disputed 有货 or 紧张 is disputed, fresh or stale; a disputed 缺货 stays 缺货', () => {
    expect(factStanding({ status: 'in_stock', isStale: false, disputed: true })).toBe('disputed');
    expect(factStanding({ status: 'low', isStale: true, disputed: true })).toBe('disputed');
    expect(factStanding({ status: 'out', isStale: false, disputed: true })).toBe('out');
  });
});

describe('rankAvailability', () => {
  test('a disputed fresh 有货 next door comes after a stale one farther away, and before 缺货', () => {
    const ranked = rankAvailability(
      [row('近争议', 'in_stock', { distanceKm: 0.2, disputed: true }), row('缺', 'out', { distanceKm: 0.1 }), row('远旧', 'in_stock', { distanceKm: 5, isStale: true }), row('远新', 'in_stock', { distanceKm: 9 })],
      true,
    );
    expect(names(ranked)).toEqual(['远新', '远旧', '近争议', '缺']);
  });

  test('near a point, a 缺货 outlet next door comes after 有货 further away', () => {
    const ranked = rankAvailability([row('近缺', 'out', { distanceKm: 0.4 }), row('远有', 'in_stock', { distanceKm: 3 })], true);
    expect(names(ranked)).toEqual(['远有', '近缺']);
  });

  test('fresh and open, then 紧张, then stale to call, then 缺货', () => {
    const ranked = rankAvailability(
      [row('缺', 'out'), row('旧有', 'in_stock', { isStale: true }), row('紧', 'low'), row('新有', 'in_stock')],
      false,
    );
    expect(names(ranked)).toEqual(['新有', '紧', '旧有', '缺']);
  });

  test('within a standing, open now comes before closed, even when closed is nearer', () => {
    const ranked = rankAvailability([row('近关', 'in_stock', { openNow: false, distanceKm: 0.5 }), row('远开', 'in_stock', { distanceKm: 4 })], true);
    expect(names(ranked)).toEqual(['远开', '近关']);
  });

  test('within a standing, nearest first when located', () => {
    const ranked = rankAvailability([row('3', 'in_stock', { distanceKm: 3 }), row('1', 'in_stock', { distanceKm: 1.2 }), row('2', 'in_stock', { distanceKm: 2 })], true);
    expect(names(ranked)).toEqual(['1', '2', '3']);
  });

  test('without a location, county by county, then the fresher report', () => {
    const ranked = rankAvailability(
      [
        row('乙县旧', 'in_stock', { countyCode: '360222', reportedAt: '2026-11-24T08:00:00Z' }),
        row('甲县', 'in_stock', { countyCode: '360202' }),
        row('乙县新', 'in_stock', { countyCode: '360222', reportedAt: '2026-11-25T08:00:00Z' }),
      ],
      false,
    );
    expect(names(ranked)).toEqual(['甲县', '乙县新', '乙县旧']);
  });
});
