import { expect, test } from 'vitest';
import { formatSearchPlace, parseSearchPlace, searchPlaceParams } from '../../../src/domain/facilities/searchPlace.ts';

test('a point and a region survive the cookie round trip', () => {
  const point = { kind: 'point', lat: 29.3, lng: 117.205, radius: 20 } as const;
  expect(parseSearchPlace(formatSearchPlace(point))).toEqual(point);
  expect(parseSearchPlace(formatSearchPlace({ kind: 'region', code: '360281' }))).toEqual({ kind: 'region', code: '360281' });
});

test('an unreadable or out-of-range cookie is no place', () => {
  for (const bad of [undefined, '', 'p:95,117,20', 'p:29,117,500', 'r:36028', 'r:360281"', 'x']) expect(parseSearchPlace(bad)).toBeUndefined();
});

test('a remembered place goes back into the list query', () => {
  expect(searchPlaceParams({ kind: 'point', lat: 29.3, lng: 117.2, radius: 50 })).toEqual({ lat: '29.3', lng: '117.2', radius: '50' });
  expect(searchPlaceParams({ kind: 'region', code: '3602' })).toEqual({ region: '3602' });
});
