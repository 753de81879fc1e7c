/**
 * Where each province's facilities lie, as a bounding box computed from the facility register (not a map
 * drawn by hand), and which provinces a point or a search circle touches. Availability search uses this to
 * ask only the Meilisearch instances that can hold an answer: a geo sort over one province's share takes
 * milliseconds, over the nation more than a second (meilisearch#3581).
 */
export interface ProvinceBox {
  /** Two-digit administrative code of the province. */
  code: string;
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

const earthRadiusKm = 6371;
const toRad = (deg: number) => (deg * Math.PI) / 180;

export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLng = toRad(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Shortest distance from a point to a box (0 inside it): the box's nearest point is the clamped coordinate. */
export function distanceToBoxKm(box: ProvinceBox, lat: number, lng: number): number {
  const nearLat = Math.min(Math.max(lat, box.minLat), box.maxLat);
  const nearLng = Math.min(Math.max(lng, box.minLng), box.maxLng);
  return distanceKm(lat, lng, nearLat, nearLng);
}

/**
 * The province a point belongs to: the box that contains it, or the nearest box. Boxes of neighbouring
 * provinces overlap; among containing boxes the smallest wins, as the more specific guess.
 */
export function provinceOfPoint(boxes: ProvinceBox[], lat: number, lng: number): string | null {
  let best: { code: string; distance: number; area: number } | null = null;
  for (const box of boxes) {
    const distance = distanceToBoxKm(box, lat, lng);
    const area = (box.maxLat - box.minLat) * (box.maxLng - box.minLng);
    if (!best || distance < best.distance || (distance === best.distance && area < best.area)) {
      best = { code: box.code, distance, area };
    }
  }
  return best?.code ?? null;
}

/**
 * Provinces whose facilities can lie within radiusKm of the point: every box the circle reaches. A point
 * outside every box (a user across the border of the register) still gets its nearest province.
 */
export function provincesWithinRadius(boxes: ProvinceBox[], lat: number, lng: number, radiusKm: number): string[] {
  const reached = boxes.filter((box) => distanceToBoxKm(box, lat, lng) <= radiusKm).map((box) => box.code);
  if (reached.length > 0) return reached.sort();
  const nearest = provinceOfPoint(boxes, lat, lng);
  return nearest ? [nearest] : [];
}
