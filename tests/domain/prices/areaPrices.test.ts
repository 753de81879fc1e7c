import { describe, expect, test } from 'vitest';
import { priceRanges, weeklyMedians } from '../../../src/domain/prices/areaPrices.ts';

describe('priceRanges', () => {
  test('gives lowest, median and highest per product, and counts unreadable packs apart', () => {
    const p = (facilityId: string, unitFen: number | null, key: string | null = '胶囊|200mg|粒') => ({ facilityId, unitFen, unit: '粒', comparableKey: key, reportedAt: `2026-11-0${facilityId}T00:00:00.000Z` });
    const { ranges, unreadable } = priceRanges([p('1', 30), p('2', 50), p('3', 40), p('4', null, null), p('5', 99, '片|200mg|片')]);
    expect(ranges[0]).toMatchObject({ lowFen: 30, medianFen: 40, highFen: 50, facilities: 3, oldest: '2026-11-01T00:00:00.000Z', newest: '2026-11-03T00:00:00.000Z' });
    expect(ranges).toHaveLength(2);
    expect(unreadable).toBe(1);
  });
});

describe('weeklyMedians', () => {
  test('carries each facility’s price forward until it reports another', () => {
    const from = new Date('2026-09-01T00:00:00.000Z');
    const h = [
      { facilityId: 'a', unitFen: 10, at: '2026-08-01T00:00:00.000Z' },
      { facilityId: 'b', unitFen: 20, at: '2026-08-01T00:00:00.000Z' },
      { facilityId: 'c', unitFen: 30, at: '2026-08-01T00:00:00.000Z' },
      { facilityId: 'a', unitFen: 40, at: '2026-09-10T00:00:00.000Z' },
    ];
    expect(weeklyMedians(h, from, 3).map((w) => w.medianFen)).toEqual([20, 30, 30]);
    expect(weeklyMedians(h, from, 3, 4)).toEqual([]);
  });
});
