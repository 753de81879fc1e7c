import type { StockStatus } from './stockStatus.ts';

const statusOrder: Record<StockStatus, number> = { in_stock: 0, low: 1, out: 2 };

interface Rankable {
  status: StockStatus;
  reportedAt: string;
  distanceKm: number | null;
  name: string;
}

/**
 * Near a point, distance decides (the index already returns nearest first). Within a region there is no
 * distance, so what helps a citizen most comes first: has it, then fresher reports.
 */
export function rankAvailability<T extends Rankable>(rows: T[], byDistance: boolean): T[] {
  if (byDistance) return [...rows].sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0));
  return [...rows].sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      b.reportedAt.localeCompare(a.reportedAt) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
}
