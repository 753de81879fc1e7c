import { describe, expect, test } from 'vitest';
import { rankAvailability } from '../../../src/domain/stock/availabilityRanking.ts';

const row = (name: string, status: 'in_stock' | 'low' | 'out', reportedAt: string, distanceKm: number | null = null) => ({ name, status, reportedAt, distanceKm });

describe('rankAvailability', () => {
  test('near a point, the nearest comes first whatever its status', () => {
    const ranked = rankAvailability([row('远', 'in_stock', '2026-11-25T00:00:00Z', 3), row('近', 'out', '2026-11-25T00:00:00Z', 0.4)], true);
    expect(ranked.map((r) => r.name)).toEqual(['近', '远']);
  });
  test('in a region, 有货 before 紧张 before 缺货, then the fresher report', () => {
    const ranked = rankAvailability(
      [
        row('缺', 'out', '2026-11-25T08:00:00Z'),
        row('旧有', 'in_stock', '2026-11-20T08:00:00Z'),
        row('紧', 'low', '2026-11-25T08:00:00Z'),
        row('新有', 'in_stock', '2026-11-25T08:00:00Z'),
      ],
      false,
    );
    expect(ranked.map((r) => r.name)).toEqual(['新有', '旧有', '紧', '缺']);
  });
});
