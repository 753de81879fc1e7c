import type { AvailabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import type { AvailabilityResult } from './availability.ts';

/** "附近 3 家有货 · 最近 1.2 公里 · 2 小时前更新": the answer in one line, before any card. */
export function areaStatusLine(result: AvailabilityResult, area: string): string {
  const { usable, nearestUsableKm, newestUsableAgeLabel } = result.summary;
  if (usable === 0) return result.total > 0 ? `${area}暂无确认有货的机构 · 可电话确认 ${result.total} 家` : `${area}暂无机构报告这种药`;
  return [`${area} ${usable} 家有货`, nearestUsableKm !== null ? `最近 ${nearestUsableKm} 公里` : null, newestUsableAgeLabel ? `${newestUsableAgeLabel}更新` : null]
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
