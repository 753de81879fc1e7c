import { describe, expect, it } from 'vitest';
import { watchAreaOf } from '../../../src/domain/alerts/watchArea.ts';
import { watchChange } from '../../../src/domain/alerts/watchChange.ts';

describe('watchChange', () => {
  it('returns no change label on the first look', () => {
    expect(watchChange(null, ['A', 'B'])).toEqual({ count: 2, added: 0, removed: 0, label: '' });
  });

  it('returns 新增 2 家有货 when two facilities came in', () => {
    expect(watchChange(['A'], ['A', 'B', 'C']).label).toBe('新增 2 家有货');
  });

  it('returns both when one went and another came, though the count is the same', () => {
    expect(watchChange(['A'], ['B'])).toEqual({ count: 1, added: 1, removed: 1, label: '新增 1 家有货，少了 1 家有货' });
  });

  it('returns 没有变化 when the same facilities have it', () => {
    expect(watchChange(['A', 'B'], ['B', 'A']).label).toBe('没有变化');
  });
});

describe('watchAreaOf', () => {
  it('returns the point and radius when located, a county when picked, and null for a city', () => {
    expect(watchAreaOf({ lat: 29.3, lng: 117.2, radius: 5, region: '360203' })).toEqual({ kind: 'point', lat: 29.3, lng: 117.2, radiusKm: 5 });
    expect(watchAreaOf({ radius: 20, region: '360203' })).toEqual({ kind: 'county', countyCode: '360203' });
    expect(watchAreaOf({ radius: 20, region: '3602' })).toBeNull();
  });
});
