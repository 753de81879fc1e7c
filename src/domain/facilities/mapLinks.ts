import { wgs84ToGcj02 } from './gcj02.ts';

export type MapProvider = 'amap' | 'baidu' | 'tencent';

export const mapProviderLabel: Record<MapProvider, string> = {
  amap: '高德地图',
  baidu: '百度地图',
  tencent: '腾讯地图',
};

export interface MapTarget {
  name: string;
  address: string;
  /** WGS-84 */
  lat: number;
  lng: number;
}

const enc = encodeURIComponent;
/** Six decimals ≈ 0.1 m; avoids float noise such as 117.20500000000001 in the links. */
const coord = (value: number) => value.toFixed(6);

/**
 * Tencent's marker parameter is itself a `key:value;key:value` list, so a ':' or ';' inside a
 * name or address would cut it apart even when URL-encoded; full-width forms read the same to a person.
 */
const tencentSafe = (text: string) => text.replaceAll(':', '：').replaceAll(';', '；').replaceAll('|', '｜');

/** "Navigate there" links; each opens the provider's web map or, on phones, its app. */
export function mapLinks(target: MapTarget): Record<MapProvider, string> {
  // 高德 and 百度 convert WGS-84 themselves when told; Tencent's marker URI is given GCJ-02 directly.
  const gcj = wgs84ToGcj02(target);
  const amap =
    'https://uri.amap.com/marker' +
    `?position=${enc(`${coord(target.lng)},${coord(target.lat)}`)}` +
    `&name=${enc(target.name)}&coordinate=wgs84&callnative=1`;
  const baidu =
    'https://api.map.baidu.com/marker' +
    `?location=${enc(`${coord(target.lat)},${coord(target.lng)}`)}` +
    `&title=${enc(target.name)}&content=${enc(target.address)}` +
    '&output=html&coord_type=wgs84&src=webapp.jdz.drugportal';
  const marker = `coord:${coord(gcj.lat)},${coord(gcj.lng)};title:${tencentSafe(target.name)};addr:${tencentSafe(target.address)}`;
  const tencent = `https://apis.map.qq.com/uri/v1/marker?marker=${enc(marker)}&referer=drugportal`;
  return { amap, baidu, tencent };
}
