import { describe, expect, test } from 'vitest';
import { MATCH_FLOOR, strongHits } from '../../../src/domain/search/strongHits.ts';

const hits = (...scores: number[]) => scores.map((score, i) => ({ id: i, score }));

describe('strongHits', () => {
  test('drops hits far below the best one (双胍: 二甲双胍 0.89, 双氯芬酸钠 0.42)', () => {
    expect(strongHits(hits(0.89, 0.42, 0.33)).map((h) => h.id)).toEqual([0]);
  });

  test('keeps a lone typo hit above the floor (ibuprofin 0.35)', () => {
    expect(strongHits(hits(0.35)).map((h) => h.id)).toEqual([0]);
  });

  test('keeps nothing when even the best hit is below the floor', () => {
    expect(strongHits(hits(MATCH_FLOOR - 0.01, 0.2))).toEqual([]);
  });

  test('keeps hits of nearly equal score (地平: six names at 0.89)', () => {
    expect(strongHits(hits(0.89, 0.89, 0.89))).toHaveLength(3);
  });
});
