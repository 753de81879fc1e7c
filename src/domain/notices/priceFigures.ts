import { type EnforcementAction, enforcementAction, enforcementActionLabels } from '../enforcement/enforcementResult.ts';

/**
 * The quarterly notice's price section (药品价格监测和整治情况), computed from what it is given so that another
 * source (the price signals, once the portal keeps price history) is one more input, not a rewrite. The
 * store only reads rows; every count and ranking is made here.
 */
export interface PriceFigureInputs {
  /** Names of the areas concerned; results and reports are placed under the county (6-digit code) they concern. */
  regionNames: ReadonlyMap<string, string>;
  /** Enforcement results published in the quarter (withdrawn ones left out by the caller). */
  enforcementResults: readonly { regionCode: string; action: string | null }[];
  /** Citizen price-rise reports received in the quarter, grouped by county, drug and whether the case was checked. */
  priceReports: readonly { countyCode: string; drugName: string; verified: boolean; confirmed: boolean; reports: number }[];
}

export interface PriceFigures {
  enforcement: {
    total: number;
    /** Every action, in the documents' order, zero counts included, so that a reader sees what was not done too. */
    byAction: { action: EnforcementAction; label: string; count: number }[];
    /** Counties (or the region itself, for results issued above county level) with at least one result. */
    byArea: { areaName: string; count: number }[];
  };
  priceReports: {
    total: number;
    byCounty: { countyName: string; received: number; verified: number; confirmed: number }[];
    topDrugs: { drugName: string; reports: number }[];
  };
}

/** A result for a township counts under its county; one for the city or province under that region itself. */
const areaOf = (code: string) => (code.length > 6 ? code.slice(0, 6) : code);

function countBy<T>(items: readonly T[], key: (item: T) => string, weight: (item: T) => number = () => 1): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + weight(item));
  return counts;
}

export function priceFigures(input: PriceFigureInputs, topN = 5): PriceFigures {
  const name = (code: string) => input.regionNames.get(code) ?? code;
  const actions = countBy(input.enforcementResults, (r) => enforcementAction.catch('other').parse(r.action));
  const areas = countBy(input.enforcementResults, (r) => areaOf(r.regionCode));
  const counties = new Map<string, { received: number; verified: number; confirmed: number }>();
  for (const r of input.priceReports) {
    const c = counties.get(r.countyCode) ?? { received: 0, verified: 0, confirmed: 0 };
    c.received += r.reports;
    if (r.verified) c.verified += r.reports;
    if (r.confirmed) c.confirmed += r.reports;
    counties.set(r.countyCode, c);
  }
  const drugs = countBy(input.priceReports, (r) => r.drugName, (r) => r.reports);
  return {
    enforcement: {
      total: input.enforcementResults.length,
      byAction: enforcementAction.options.map((action) => ({ action, label: enforcementActionLabels[action], count: actions.get(action) ?? 0 })),
      byArea: [...areas].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => ({ areaName: name(code), count })),
    },
    priceReports: {
      total: [...counties.values()].reduce((n, c) => n + c.received, 0),
      byCounty: [...counties].sort(([a], [b]) => a.localeCompare(b)).map(([code, c]) => ({ countyName: name(code), ...c })),
      // Most reported first; equal counts by name, so the draft reads the same every time it is made.
      topDrugs: [...drugs]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'))
        .slice(0, topN)
        .map(([drugName, reports]) => ({ drugName, reports })),
    },
  };
}
