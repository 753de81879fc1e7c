import { describe, expect, test } from 'vitest';
import { haversineKm } from '../../../src/domain/facilities/geo.ts';

describe('haversineKm', () => {
  test('returns 0 when both points are the same', () => {
    expect(haversineKm({ lat: 29.3, lng: 117.205 }, { lat: 29.3, lng: 117.205 })).toBe(0);
  });

  test('returns about 111 km for one degree of latitude', () => {
    expect(haversineKm({ lat: 29, lng: 117 }, { lat: 30, lng: 117 })).toBeCloseTo(111.2, 0);
  });

  test('returns about 1067 km between 北京 and 上海 in either direction', () => {
    const beijing = { lat: 39.9042, lng: 116.4074 };
    const shanghai = { lat: 31.2304, lng: 121.4737 };
    expect(haversineKm(beijing, shanghai)).toBeGreaterThan(1060);
    expect(haversineKm(beijing, shanghai)).toBeLessThan(1075);
    expect(haversineKm(shanghai, beijing)).toBeCloseTo(haversineKm(beijing, shanghai), 9);
  });

  test('returns a walkable distance between two 珠山区 streets', () => {
    const km = haversineKm({ lat: 29.3, lng: 117.205 }, { lat: 29.31, lng: 117.21 });
    expect(km).toBeGreaterThan(1);
    expect(km).toBeLessThan(1.5);
  });
});
