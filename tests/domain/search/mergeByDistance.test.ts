import { describe, expect, test } from 'vitest';
import { mergeByDistance } from '../../../src/domain/search/mergeByDistance.ts';

describe('mergeByDistance', () => {
  test('interleaves the shards nearest first and keeps the limit', () => {
    const jiangxi = [{ id: 'a', distanceKm: 1 }, { id: 'b', distanceKm: 4 }, { id: 'c', distanceKm: 9 }];
    const anhui = [{ id: 'x', distanceKm: 2 }, { id: 'y', distanceKm: 3 }];
    expect(mergeByDistance([jiangxi, anhui], 4).map((h) => h.id)).toEqual(['a', 'x', 'y', 'b']);
  });

  test('hits without a distance keep their shard order', () => {
    const one = [{ id: 'a', distanceKm: null }, { id: 'b', distanceKm: null }];
    const two = [{ id: 'c', distanceKm: null }];
    expect(mergeByDistance([one, two], 10).map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });
});
