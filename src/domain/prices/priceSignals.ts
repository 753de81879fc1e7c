import type { PriceSignalThresholds } from './signalThresholds.ts';

/*
 * Price signals as plain rules over unit prices (fen per 片/粒/ml…). Every function here compares prices of one
 * comparable series only (same form, strength and smallest unit): the caller never mixes series, so a pack
 * change from 片 to 粒 can never read as a rise.
 */

export const priceSignalKinds = ['rise', 'frequency', 'regional_gap', 'reference_gap', 'report_cluster'] as const;
export type PriceSignalKind = (typeof priceSignalKinds)[number];

/** One price of one series, oldest first. */
export interface SeriesPoint {
  at: string;
  unitFen: number;
}

const dayMs = 86_400_000;
/** Shares are compared in whole basis points so that 20 % of ¥5.00 is exactly 20, not 19.999999. */
const pct = (from: number, to: number) => Math.round(((to - from) / from) * 10_000) / 100;

export interface RiseEvidence {
  fromFen: number;
  fromAt: string;
  toFen: number;
  toAt: string;
  risePct: number;
}

/** The latest price against the lowest in the window before it; a signal when it rose by risePct or more. */
export function riseSignal(series: readonly SeriesPoint[], t: Pick<PriceSignalThresholds, 'risePct' | 'riseWindowDays'>): RiseEvidence | undefined {
  const latest = series.at(-1);
  if (!latest || series.length < 2) return undefined;
  const since = Date.parse(latest.at) - t.riseWindowDays * dayMs;
  let low: SeriesPoint | undefined;
  for (const p of series.slice(0, -1)) {
    if (Date.parse(p.at) >= since && (!low || p.unitFen < low.unitFen)) low = p;
  }
  if (!low || low.unitFen <= 0) return undefined;
  const risePct = pct(low.unitFen, latest.unitFen);
  return risePct >= t.risePct ? { fromFen: low.unitFen, fromAt: low.at, toFen: latest.unitFen, toAt: latest.at, risePct } : undefined;
}

export interface FrequencyEvidence {
  rises: { at: string; fromFen: number; toFen: number }[];
}

/** Rises (a price above the one before it) within the window ending at the latest price. */
export function frequencySignal(
  series: readonly SeriesPoint[],
  t: Pick<PriceSignalThresholds, 'riseCount' | 'frequencyWindowDays'>,
): FrequencyEvidence | undefined {
  const latest = series.at(-1);
  if (!latest) return undefined;
  const since = Date.parse(latest.at) - t.frequencyWindowDays * dayMs;
  const rises: FrequencyEvidence['rises'] = [];
  for (let i = 1; i < series.length; i += 1) {
    const [before, p] = [series[i - 1] as SeriesPoint, series[i] as SeriesPoint];
    if (Date.parse(p.at) >= since && p.unitFen > before.unitFen) rises.push({ at: p.at, fromFen: before.unitFen, toFen: p.unitFen });
  }
  return rises.length >= t.riseCount ? { rises } : undefined;
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface RegionalGapEvidence {
  countyMedianFen: number;
  countyFacilities: number;
  /** 'city' when the city has other counties to compare with, else 'province'. */
  against: 'city' | 'province';
  referenceMedianFen: number;
  counties: number;
  gapPct: number;
}

export interface CountyMedian {
  countyCode: string;
  medianFen: number;
  facilities: number;
}

/**
 * A county's median against the median of the county medians around it: the city's when the city has at least
 * one other county with enough prices, else the province's. Each county counts once, so one large county does
 * not set the yardstick for the rest. Counties with fewer than regionalMinFacilities prices take no part.
 */
export function regionalGapSignal(
  county: CountyMedian,
  cityCounties: readonly CountyMedian[],
  provinceCounties: readonly CountyMedian[],
  t: Pick<PriceSignalThresholds, 'regionalGapPct' | 'regionalMinFacilities'>,
): RegionalGapEvidence | undefined {
  if (county.facilities < t.regionalMinFacilities) return undefined;
  const usable = (list: readonly CountyMedian[]) => list.filter((c) => c.facilities >= t.regionalMinFacilities);
  const city = usable(cityCounties);
  const others = (list: CountyMedian[]) => list.some((c) => c.countyCode !== county.countyCode);
  const [against, peers] = others(city) ? (['city', city] as const) : (['province', usable(provinceCounties)] as const);
  if (!others([...peers])) return undefined;
  const referenceMedianFen = median(peers.map((c) => c.medianFen));
  if (referenceMedianFen === undefined || referenceMedianFen <= 0) return undefined;
  const gapPct = pct(referenceMedianFen, county.medianFen);
  if (gapPct < t.regionalGapPct) return undefined;
  return { countyMedianFen: county.medianFen, countyFacilities: county.facilities, against, referenceMedianFen, counties: peers.length, gapPct };
}

export interface ReferenceGapEvidence {
  unitFen: number;
  referenceUnitFen: number;
  referenceLabel: string;
  gapPct: number;
}

export function referenceGapSignal(
  unitFen: number,
  reference: { unitFen: number; label: string },
  t: Pick<PriceSignalThresholds, 'referenceGapPct'>,
): ReferenceGapEvidence | undefined {
  if (reference.unitFen <= 0) return undefined;
  const gapPct = pct(reference.unitFen, unitFen);
  return gapPct >= t.referenceGapPct ? { unitFen, referenceUnitFen: reference.unitFen, referenceLabel: reference.label, gapPct } : undefined;
}

/** Citizen price-rise reports on one drug in one county within the window. */
export function reportClusterSignal(reports: number, t: Pick<PriceSignalThresholds, 'reportCount'>): { reports: number } | undefined {
  return reports >= t.reportCount ? { reports } : undefined;
}

/** How far above a yardstick a price is, as the drug page says it: "高于中选价 y%". */
export function shareAbove(referenceFen: number, fen: number): number {
  return pct(referenceFen, fen);
}
