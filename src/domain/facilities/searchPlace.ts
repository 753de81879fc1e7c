/**
 * Where the user looks for drugs: a point (after "use my location") or a picked region. Remembered on the device
 * for the session in one cookie, so the next drug, a substitute or a search result opens with the same list.
 */
export type SearchPlace = { kind: 'point'; lat: number; lng: number; radius: number } | { kind: 'region'; code: string };

export const searchPlaceCookie = 'place';

export function formatSearchPlace(place: SearchPlace): string {
  return place.kind === 'point' ? `p:${place.lat.toFixed(5)},${place.lng.toFixed(5)},${place.radius}` : `r:${place.code}`;
}

/** Anything unreadable is no place at all: a cookie is user input. */
export function parseSearchPlace(value: string | undefined): SearchPlace | undefined {
  if (!value) return undefined;
  const point = /^p:(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?),(\d{1,3}(?:\.\d+)?)$/.exec(value);
  if (point) {
    const [lat, lng, radius] = [Number(point[1]), Number(point[2]), Number(point[3])];
    if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && radius > 0 && radius <= 200) return { kind: 'point', lat, lng, radius };
    return undefined;
  }
  const region = /^r:(\d{2}|\d{4}|\d{6}|\d{9})$/.exec(value);
  return region?.[1] ? { kind: 'region', code: region[1] } : undefined;
}

/** The query parameters that put a remembered place back into a list's URL. */
export function searchPlaceParams(place: SearchPlace): Record<string, string> {
  return place.kind === 'point' ? { lat: String(place.lat), lng: String(place.lng), radius: String(place.radius) } : { region: place.code };
}

/** The place a list query names (a point wins over a region), or none: what the next page should open with. */
export function placeOfQuery(query: { lat?: number; lng?: number; radius: number; region?: string }): SearchPlace | undefined {
  if (query.lat !== undefined && query.lng !== undefined) return { kind: 'point', lat: query.lat, lng: query.lng, radius: query.radius };
  return query.region ? { kind: 'region', code: query.region } : undefined;
}
