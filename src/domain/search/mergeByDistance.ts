/** A hit from one shard of a fanned-out search; null distance when the query had no point. */
export interface DistancedHit {
  id: string;
  distanceKm: number | null;
}

/**
 * Merges the answers of several shards, each already sorted nearest first, into one list nearest first,
 * keeping the first `limit`. Hits without a distance (region queries) keep their shard order after the rest.
 */
export function mergeByDistance<T extends DistancedHit>(lists: T[][], limit: number): T[] {
  const all = lists.flat();
  const far = Number.POSITIVE_INFINITY;
  // A stable sort keeps each shard's own order among equal distances.
  return all.sort((a, b) => (a.distanceKm ?? far) - (b.distanceKm ?? far)).slice(0, limit);
}
