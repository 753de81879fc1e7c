import { describe, expect, test } from 'vitest';
import { placeOfQuery } from '../../../src/domain/facilities/searchPlace.ts';
import { clearPlaceHref, type PlaceCookies, placedListQuery, rememberedPlace, rememberPlace } from '../../../src/server/services/searchPlaceSession.ts';

/** A browser's cookie jar for one site, as much of it as the place needs. */
function jar(initial: Record<string, string> = {}): PlaceCookies & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (name) => (values.has(name) ? { value: values.get(name) ?? '' } : undefined),
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}

describe('the place remembered for the session', () => {
  test('a place chosen on one page is the place of the next, point or county', () => {
    const cookies = jar();
    rememberPlace(cookies, { kind: 'point', lat: 29.3, lng: 117.205, radius: 20 });
    expect(rememberedPlace(new URL('http://p/search?q=布洛芬'), cookies)).toEqual({ kind: 'point', lat: 29.3, lng: 117.205, radius: 20 });
    rememberPlace(cookies, { kind: 'region', code: '360281' });
    expect(rememberedPlace(new URL('http://p/drugs/W077'), cookies)).toEqual({ kind: 'region', code: '360281' });
  });

  test('清除位置 forgets it on this request and the next', () => {
    const cookies = jar({ place: 'r:360281' });
    expect(rememberedPlace(new URL('http://p/search?q=x&clear=1'), cookies)).toBeUndefined();
    expect(rememberedPlace(new URL('http://p/search?q=x'), cookies)).toBeUndefined();
  });

  test('the 清除位置 link keeps the search and drops only the place', () => {
    expect(clearPlaceHref(new URL('http://p/search?q=%E5%B8%83%E6%B4%9B%E8%8A%AC'))).toBe('/search?q=%E5%B8%83%E6%B4%9B%E8%8A%AC&clear=1');
    expect(clearPlaceHref(new URL('http://p/drugs/W078?lat=29.3&lng=117.2&radius=50&type=hospital&page=2'), '#where')).toBe('/drugs/W078?type=hospital&clear=1#where');
  });

  test('a list query names a point before a region, and a bare query no place', () => {
    expect(placeOfQuery({ lat: 29.3, lng: 117.2, radius: 50, region: '3602' })).toEqual({ kind: 'point', lat: 29.3, lng: 117.2, radius: 50 });
    expect(placeOfQuery({ radius: 20, region: '360281' })).toEqual({ kind: 'region', code: '360281' });
    expect(placeOfQuery({ radius: 20 })).toBeUndefined();
  });
});

describe('placedListQuery', () => {
  test('a bare drug URL opens with the remembered place; a place in the URL wins and is remembered', () => {
    const cookies = jar({ place: 'r:360281' });
    expect(placedListQuery(new URL('http://p/drugs/W078'), cookies).query.region).toBe('360281');
    const located = placedListQuery(new URL('http://p/drugs/W077?lat=29.3&lng=117.2'), cookies).query;
    expect([located.lat, located.lng, located.region]).toEqual([29.3, 117.2, undefined]);
    expect(cookies.values.get('place')).toBe('p:29.30000,117.20000,20');
  });

  test('a bad query gives the default list and the message, and remembers nothing', () => {
    const cookies = jar();
    const { query, error } = placedListQuery(new URL('http://p/drugs/W078?lat=29.3'), cookies);
    expect(error).toContain('纬度和经度需同时提供');
    expect(query.lat).toBeUndefined();
    expect(cookies.values.size).toBe(0);
  });

  test('清除位置 leaves a bare URL without a place', () => {
    const cookies = jar({ place: 'r:360281' });
    expect(placedListQuery(new URL('http://p/drugs/W078?clear=1'), cookies).query.region).toBeUndefined();
    expect(cookies.values.has('place')).toBe(false);
  });
});
