/**
 * Where a watched drug is looked for: a county the citizen picked, or a point (their location) and a radius,
 * as on the drug page. Kept apart from the zod schemas (./alertArea.ts) because the phone's watch list
 * imports it: zod would add 25 KB to the home page and probe `eval`, which the CSP refuses.
 */
export type AlertArea = { kind: 'county'; countyCode: string } | { kind: 'point'; lat: number; lng: number; radiusKm: number };

/**
 * The area the drug page is showing, as a watch or alert area: the point and radius when located, a county
 * when one is picked; null for wider regions (a whole city says too little about a trip to the pharmacy).
 */
export function watchAreaOf(query: { lat?: number; lng?: number; radius: number; region?: string }): AlertArea | null {
  if (query.lat !== undefined && query.lng !== undefined) return { kind: 'point', lat: query.lat, lng: query.lng, radiusKm: query.radius };
  return query.region?.length === 6 ? { kind: 'county', countyCode: query.region } : null;
}

/** The availability API's query for an area, so the app asks exactly what the drug page showed. */
export function availabilityParamsOf(area: AlertArea): Record<string, string> {
  return area.kind === 'point' ? { lat: String(area.lat), lng: String(area.lng), radius: String(area.radiusKm) } : { region: area.countyCode };
}

/** How a point area is named to the citizen (a county goes by its name). */
export function pointAreaLabel(radiusKm: number): string {
  return `您的位置附近 ${radiusKm} 公里内`;
}
