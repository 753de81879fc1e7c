import type { StockStatus } from './stockStatus.ts';

/**
 * What a fact is worth to someone who wants the drug now: 有货 and fresh (go), 紧张 (go soon), stale
 * (phone first), disputed (citizens say 买不到 since the facility's report: phone, and expect none), 缺货 (look
 * elsewhere). A disputed fact ranks below a merely stale one: an old 有货 has nothing against it, a disputed
 * one has evidence against it, so it never claims usable stock. A stale or disputed 缺货 stays 缺货.
 */
export type FactStanding = 'usable' | 'low' | 'call' | 'disputed' | 'out';

const standingOrder: Record<FactStanding, number> = { usable: 0, low: 1, call: 2, disputed: 3, out: 4 };

/** Orders facts by what they are worth now; for lists ranked on standing alone (a facility's own stock). */
export const byStanding = (a: { standing: FactStanding }, b: { standing: FactStanding }): number => standingOrder[a.standing] - standingOrder[b.standing];

export function factStanding(fact: { status: StockStatus; isStale: boolean; disputed?: boolean }): FactStanding {
  if (fact.status === 'out') return 'out';
  if (fact.disputed) return 'disputed';
  if (fact.isStale) return 'call';
  return fact.status === 'in_stock' ? 'usable' : 'low';
}

interface Rankable {
  status: StockStatus;
  isStale: boolean;
  disputed?: boolean;
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
