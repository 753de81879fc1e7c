import type { StockStatus } from './stockStatus.ts';

/**
 * What a fact is worth to someone who wants the drug now: 有货 and fresh (go), 紧张 (go soon), stale
 * (phone first), 缺货 (look elsewhere). A stale 缺货 is still no reason to go, so it stays 缺货.
 */
export type FactStanding = 'usable' | 'low' | 'call' | 'out';

const standingOrder: Record<FactStanding, number> = { usable: 0, low: 1, call: 2, out: 3 };

export function factStanding(fact: { status: StockStatus; isStale: boolean }): FactStanding {
  if (fact.status === 'out') return 'out';
  if (fact.isStale) return 'call';
  return fact.status === 'in_stock' ? 'usable' : 'low';
}

interface Rankable {
  status: StockStatus;
  isStale: boolean;
  /** Null (hours unknown) ranks with closed: never guessed open. */
  openNow: boolean | null;
  reportedAt: string;
  distanceKm: number | null;
  countyCode: string;
  name: string;
}

/**
 * One ordering for the question "where can I get it now": standing first, open-now before closed within a
 * standing, then nearest when located or county by county otherwise, then the fresher report.
 */
export function rankAvailability<T extends Rankable>(rows: T[], byDistance: boolean): T[] {
  return [...rows].sort(
    (a, b) =>
      standingOrder[factStanding(a)] - standingOrder[factStanding(b)] ||
      Number(b.openNow === true) - Number(a.openNow === true) ||
      (byDistance ? (a.distanceKm ?? 0) - (b.distanceKm ?? 0) : a.countyCode.localeCompare(b.countyCode)) ||
      b.reportedAt.localeCompare(a.reportedAt) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
}
