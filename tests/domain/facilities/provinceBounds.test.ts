import { describe, expect, test } from 'vitest';
import { distanceKm, type ProvinceBox, provinceOfPoint, provincesWithinRadius } from '../../../src/domain/facilities/provinceBounds.ts';

// Rough boxes of Jiangxi (36) and Anhui (34) facilities: they share a border north of Jingdezhen near 29.9°N.
const jiangxi: ProvinceBox = { code: '36', minLat: 24.5, maxLat: 29.8, minLng: 113.6, maxLng: 118.4 };
const anhui: ProvinceBox = { code: '34', minLat: 29.95, maxLat: 34.6, minLng: 114.9, maxLng: 119.6 };
const beijing: ProvinceBox = { code: '11', minLat: 39.5, maxLat: 41.0, minLng: 115.5, maxLng: 117.4 };
const boxes = [jiangxi, anhui, beijing];

describe('provinceOfPoint', () => {
  test('a point inside a box belongs to that province', () => {
    expect(provinceOfPoint(boxes, 29.3, 117.2)).toBe('36');
    expect(provinceOfPoint(boxes, 31.8, 117.3)).toBe('34');
  });

  test('a point in the gap between boxes goes to the nearest one', () => {
    expect(provinceOfPoint(boxes, 29.82, 117.2)).toBe('36');
    expect(provinceOfPoint(boxes, 29.93, 117.2)).toBe('34');
  });

  test('where boxes overlap the smaller box wins', () => {
    const city: ProvinceBox = { code: '99', minLat: 29.0, maxLat: 29.5, minLng: 117.0, maxLng: 117.5 };
    expect(provinceOfPoint([jiangxi, city], 29.3, 117.2)).toBe('99');
  });

  test('no boxes, no province', () => {
    expect(provinceOfPoint([], 29.3, 117.2)).toBeNull();
  });
});

describe('provincesWithinRadius', () => {
  test('a small radius deep inside a province asks only that province', () => {
    expect(provincesWithinRadius(boxes, 28.7, 115.9, 20)).toEqual(['36']);
  });

  test('a radius that crosses the border fans out to the neighbour', () => {
    // 29.75°N is about 22 km from Anhui's box.
    expect(provincesWithinRadius(boxes, 29.75, 117.2, 10)).toEqual(['36']);
    expect(provincesWithinRadius(boxes, 29.75, 117.2, 30)).toEqual(['34', '36']);
  });

  test('a point beyond every box still reaches its nearest province', () => {
    expect(provincesWithinRadius(boxes, 45, 126, 20)).toEqual(['11']);
  });
});

describe('distanceKm', () => {
  test('one degree of latitude is about 111 km', () => {
    expect(distanceKm(29, 117, 30, 117)).toBeCloseTo(111.2, 0);
  });
});
