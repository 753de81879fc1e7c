import { describe, expect, test } from 'vitest';
import { mapLinks, mapProviderLabel } from '../../../src/domain/facilities/mapLinks.ts';

const target = { name: '示例康民大药房（新村街道店）', address: '珠山区新村街道示例路12号', lat: 29.3, lng: 117.205 };

describe('mapLinks', () => {
  const links = mapLinks(target);

  test('returns a 高德 marker link with lng,lat order and the WGS-84 flag', () => {
    const url = new URL(links.amap);
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker');
    expect(url.searchParams.get('position')).toBe('117.205000,29.300000');
    expect(url.searchParams.get('name')).toBe(target.name);
    expect(url.searchParams.get('coordinate')).toBe('wgs84');
    expect(url.searchParams.get('callnative')).toBe('1');
  });

  test('returns a 百度 marker link with lat,lng order, the address and the WGS-84 flag', () => {
    const url = new URL(links.baidu);
    expect(url.origin + url.pathname).toBe('https://api.map.baidu.com/marker');
    expect(url.searchParams.get('location')).toBe('29.300000,117.205000');
    expect(url.searchParams.get('title')).toBe(target.name);
    expect(url.searchParams.get('content')).toBe(target.address);
    expect(url.searchParams.get('output')).toBe('html');
    expect(url.searchParams.get('coord_type')).toBe('wgs84');
    expect(url.searchParams.get('src')).toBe('webapp.jdz.drugportal');
  });

  test('returns a 腾讯 marker link with GCJ-02 coordinates, since Tencent expects them', () => {
    const url = new URL(links.tencent);
    expect(url.origin + url.pathname).toBe('https://apis.map.qq.com/uri/v1/marker');
    expect(url.searchParams.get('referer')).toBe('drugportal');
    const marker = url.searchParams.get('marker') ?? '';
    const [coord, title, addr] = marker.split(';');
    const [lat, lng] = (coord ?? '').replace('coord:', '').split(',').map(Number);
    expect(lat).not.toBe(29.3);
    expect(Math.abs((lat ?? 0) - 29.3)).toBeLessThan(0.01);
    expect(Math.abs((lng ?? 0) - 117.205)).toBeLessThan(0.01);
    expect(title).toBe(`title:${target.name}`);
    expect(addr).toBe(`addr:${target.address}`);
  });

  test('returns links with no raw Chinese characters, spaces or reserved characters in the query', () => {
    for (const link of Object.values(links)) expect(link).toMatch(/^[\x21-\x7e]+$/);
    const tricky = mapLinks({ ...target, name: 'A&B=C 药房#1' });
    expect(new URL(tricky.amap).searchParams.get('name')).toBe('A&B=C 药房#1');
    expect(new URL(tricky.baidu).searchParams.get('title')).toBe('A&B=C 药房#1');
  });

  test('returns a 腾讯 link that survives ; and : inside an address', () => {
    const marker = new URL(mapLinks({ ...target, address: '某路;1号:后门' }).tencent).searchParams.get('marker') ?? '';
    expect(marker.split(';')).toHaveLength(3);
    expect(marker).toContain('addr:某路；1号：后门');
  });
});

describe('mapProviderLabel', () => {
  test('returns the names people know the apps by', () => {
    expect(mapProviderLabel).toEqual({ amap: '高德地图', baidu: '百度地图', tencent: '腾讯地图' });
  });
});
