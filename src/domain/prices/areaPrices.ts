import type { PackUnit } from './pack.ts';
import { median } from './priceSignals.ts';

/** A current price as the drug page reads it. */
export interface AreaPrice {
  facilityId: string;
  unitFen: number | null;
  unit: string | null;
  comparableKey: string | null;
  reportedAt: string;
}

export interface PriceRange {
  comparableKey: string;
  unit: PackUnit;
  lowFen: number;
  medianFen: number;
  highFen: number;
  facilities: number;
  newest: string;
  oldest: string;
}

/**
 * The range of comparable prices in an area, one per product (form × strength × unit), most reported first.
 * Prices whose pack could not be read are counted apart: they are shown as written, never in a range.
 */
export function priceRanges(prices: readonly AreaPrice[]): { ranges: PriceRange[]; unreadable: number } {
  const byKey = new Map<string, AreaPrice[]>();
  let unreadable = 0;
  for (const p of prices) {
    if (p.unitFen === null || p.comparableKey === null) unreadable += 1;
    else byKey.set(p.comparableKey, [...(byKey.get(p.comparableKey) ?? []), p]);
  }
  const ranges = [...byKey].map(([comparableKey, list]) => {
    const values = list.map((p) => p.unitFen as number);
    const times = list.map((p) => p.reportedAt).sort();
    return {
      comparableKey, unit: list[0]?.unit as PackUnit, lowFen: Math.min(...values), medianFen: median(values) as number,
      highFen: Math.max(...values), facilities: list.length, newest: times.at(-1) as string, oldest: times[0] as string,
    };
  });
  return { ranges: ranges.sort((a, b) => b.facilities - a.facilities), unreadable };
}

export interface WeeklyMedian {
  weekStart: string;
  medianFen: number;
  facilities: number;
}

const weekMs = 7 * 86_400_000;

/**
 * The area's median price week by week: each facility counts with its latest price at the end of the week
 * (a price stands until the facility reports another), so a quiet week does not drop out of the line.
 */
export function weeklyMedians(history: readonly { facilityId: string; unitFen: number; at: string }[], from: Date, weeks: number, minFacilities = 3): WeeklyMedian[] {
  const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at));
  const standing = new Map<string, number>();
  const out: WeeklyMedian[] = [];
  let i = 0;
  for (let w = 0; w < weeks; w += 1) {
    const end = from.getTime() + (w + 1) * weekMs;
    while (i < sorted.length && Date.parse((sorted[i] as { at: string }).at) < end) {
      const h = sorted[i] as { facilityId: string; unitFen: number };
      standing.set(h.facilityId, h.unitFen);
      i += 1;
    }
    const m = median([...standing.values()]);
    // A week with only a facility or two says more about them than about the area.
    if (m !== undefined && standing.size >= minFacilities) out.push({ weekStart: new Date(end - weekMs).toISOString(), medianFen: m, facilities: standing.size });
  }
  return out;
}
