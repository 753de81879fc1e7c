import type { AvailabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import { at } from '../../i18n/availability.zh-CN.ts';
import type { AvailabilityResult } from './availability.ts';

/**
 * "附近 3 家有货 · 1 家现在营业 · 最近一家有货的 1.2 公里，休息中 · 2 小时前更新": the answer in one line, before any
 * card. The list puts open-now first, so its first card can be farther than the nearest with stock; the line
 * says of the nearest whether it is open, which is why the first card is where it is.
 */
export function areaStatusLine(result: AvailabilityResult, area: string): string {
  const s = result.summary;
  if (s.usable === 0) {
    if (s.toCall > 0) return at('status.toCall', { area, n: s.toCall });
    return result.total > 0 ? at('status.allOut', { area, n: result.total }) : at('status.none', { area });
  }
  const nearest =
    s.nearestUsableKm === null
      ? null
      : at(s.nearestUsableOpenNow === null ? 'status.nearestUnknown' : s.nearestUsableOpenNow ? 'status.nearestOpen' : 'status.nearestClosed', { km: s.nearestUsableKm });
  return [
    at('status.usable', { area, n: s.usable }),
    s.usableOpenNow > 0 ? at('status.usableOpen', { n: s.usableOpenNow }) : at('status.noneOpen'),
    nearest,
    s.newestUsableAgeLabel ? at('status.updated', { age: s.newestUsableAgeLabel }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A link to the same list with some parameters changed: paging and widening work without JavaScript. */
export function pageHref(path: string, query: AvailabilityQuery, change: Partial<Pick<AvailabilityQuery, 'page' | 'radius'>>): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || key === 'limit') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, value === true ? '1' : String(value));
  }
  if (merged.page === 1) params.delete('page');
  return `${path}?${params.toString()}#where`;
}
