import { describe, expect, test } from 'vitest';
import { haversineKm } from '../../../src/domain/facilities/geo.ts';
import { isOutsideChina, wgs84ToGcj02 } from '../../../src/domain/facilities/gcj02.ts';

describe('wgs84ToGcj02', () => {
  test('returns the published GCJ-02 point for 天安门 (WGS 39.9087, 116.3975)', () => {
    const gcj = wgs84ToGcj02({ lat: 39.9087, lng: 116.3975 });
    expect(Math.abs(gcj.lat - 39.9101)).toBeLessThan(0.0005);
    expect(Math.abs(gcj.lng - 116.4037)).toBeLessThan(0.0005);
  });

  test('returns a point a few hundred metres away when in 景德镇', () => {
    const wgs = { lat: 29.3, lng: 117.205 };
    const metres = haversineKm(wgs, wgs84ToGcj02(wgs)) * 1000;
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1000);
  });

  test('returns the point unchanged when it lies outside China', () => {
    const london = { lat: 51.5074, lng: -0.1278 };
    expect(isOutsideChina(london)).toBe(true);
    expect(wgs84ToGcj02(london)).toEqual(london);
  });
});
