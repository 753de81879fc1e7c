import { type LatLng, haversineKm } from '../facilities/geo.ts';
import { reportAge } from '../stock/freshness.ts';
import type { AlertArea } from './watchArea.ts';

/**
 * The back-in-stock rule. An alert says "it is back": the area had no fresh 有货 at the last look and has at
 * least one now. A stale report (src/domain/stock/freshness.ts) is no proof of a shelf, so it never counts, and
 * a subscription hears at most once a day, however often the drug comes and goes.
 */
export const alertAtMostEveryHours = 24;

/** A facility's 有货 report for the drug, with where the facility is and the day staff closed it, if any. */
export interface InStockFact extends LatLng {
  facilityId: string;
  countyCode: string;
  reportedAt: string;
  /** YYYY-MM-DD (Asia/Shanghai) from which staff marked the facility closed. */
  closedFrom: string | null;
}

function inArea(fact: InStockFact, area: AlertArea): boolean {
  if (area.kind === 'county') return fact.countyCode === area.countyCode;
  return haversineKm(fact, area) <= area.radiusKm;
}

/** The facilities with fresh 有货 in the area now; `today` is the Shanghai date, for closures. */
export function freshInStockFacilities(facts: readonly InStockFact[], area: AlertArea, now: Date, today: string, onShortageList: boolean): string[] {
  return facts
    .filter((f) => inArea(f, area) && !(f.closedFrom !== null && f.closedFrom <= today) && !reportAge(f.reportedAt, now, onShortageList).isStale)
    .map((f) => f.facilityId);
}

export interface BackInStockState {
  wasAvailable: boolean;
  lastAlertAt: string | null;
}

export interface BackInStockStep {
  available: boolean;
  alert: boolean;
}

export function backInStockStep(state: BackInStockState, freshCount: number, now: Date): BackInStockStep {
  const available = freshCount > 0;
  const rested = state.lastAlertAt === null || now.getTime() - new Date(state.lastAlertAt).getTime() >= alertAtMostEveryHours * 3_600_000;
  return { available, alert: available && !state.wasAvailable && rested };
}

/** "珠山区 新增有货：3 家" — the item's words, in one place for the feed, the page and e-mail. */
export function backInStockTitle(drugName: string, areaName: string, count: number): string {
  return `${drugName}：${areaName}现在有 ${count} 家有货`;
}
