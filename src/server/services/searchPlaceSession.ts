import { formatSearchPlace, parseSearchPlace, placeOfQuery, type SearchPlace, searchPlaceCookie, searchPlaceParams } from '../../domain/facilities/searchPlace.ts';
import { type AvailabilityQuery, availabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import { searchParamsObject } from '../http/apiResponse.ts';
import { at } from '../../i18n/availability.zh-CN.ts';
import type { Portal } from '../portal.ts';
import { loadRegions } from '../store/regionStore.ts';

/** The part of Astro's cookies this needs, so the service does not depend on Astro. */
export interface PlaceCookies {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: { path: string; sameSite: 'lax'; httpOnly: boolean }): void;
  delete(name: string, options: { path: string }): void;
}

/** The query parameter of a "清除位置" link, on every page that shows the place. */
export const clearPlaceParam = 'clear';

/**
 * The place remembered on this device, read the same way on the drug, substitute and search pages: a
 * `?clear=1` link forgets it (and this request has none), anything unreadable in the cookie is none.
 */
export function rememberedPlace(url: URL, cookies: PlaceCookies): SearchPlace | undefined {
  if (url.searchParams.has(clearPlaceParam)) {
    cookies.delete(searchPlaceCookie, { path: '/' });
    return undefined;
  }
  return parseSearchPlace(cookies.get(searchPlaceCookie)?.value);
}

/** A session cookie: the device remembers the place until the browser closes, nothing is kept server-side. */
export function rememberPlace(cookies: PlaceCookies, place: SearchPlace): void {
  cookies.set(searchPlaceCookie, formatSearchPlace(place), { path: '/', sameSite: 'lax', httpOnly: true });
}

/** The same page without the place: its other parameters kept, so a search stays a search. */
export function clearPlaceHref(url: URL, hash = ''): string {
  const params = new URLSearchParams(url.searchParams);
  for (const key of ['lat', 'lng', 'radius', 'region', 'page']) params.delete(key);
  params.set(clearPlaceParam, '1');
  return `${url.pathname}?${params.toString()}${hash}`;
}

/** "您的位置：以当前位置为中心 20 公里" or "您选择的地区：珠山区". */
export async function describePlace(portal: Pick<Portal, 'store'>, place: SearchPlace): Promise<string> {
  if (place.kind === 'point') return at('place.near', { radius: place.radius });
  const region = (await loadRegions(portal.store)).find((r) => r.code === place.code);
  return at('place.region', { region: region?.name ?? place.code });
}

/**
 * The "where to get it" query of a page: its own parameters, or else the remembered place, which it then
 * remembers for the next page. A bad query gives the default list and the first message, named for the page.
 */
export function placedListQuery(url: URL, cookies: PlaceCookies): { query: AvailabilityQuery; error: string | null } {
  const remembered = rememberedPlace(url, cookies);
  const hasPlace = url.searchParams.has('lat') || url.searchParams.has('region');
  const params: Record<string, unknown> = { ...(!hasPlace && remembered ? searchPlaceParams(remembered) : {}), ...searchParamsObject(url.searchParams, ['type']) };
  delete params[clearPlaceParam];
  const parsed = availabilityQuery.safeParse(params);
  if (!parsed.success) return { query: availabilityQuery.parse({}), error: parsed.error.issues[0]?.message ?? null };
  const place = placeOfQuery(parsed.data);
  if (place) rememberPlace(cookies, place);
  return { query: parsed.data, error: null };
}
