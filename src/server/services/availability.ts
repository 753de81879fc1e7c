import type { Facility } from '../../domain/facilities/facility.ts';
import { isClosedAt } from '../../domain/facilities/facilityClosure.ts';
import { describeHours, isOpenAt } from '../../domain/facilities/openingStatus.ts';
import { describePrice } from '../../domain/prices/pack.ts';
import type { AvailabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import { type FactStanding, rankAvailability } from '../../domain/stock/availabilityRanking.ts';
import { reportSourceLabel } from '../../domain/stock/reportSource.ts';
import type { StockStatus } from '../../domain/stock/stockStatus.ts';
import type { Portal } from '../portal.ts';
import { routedFacilitiesWithDrug } from '../search/availabilityRouting.ts';
import { closuresFor } from '../store/facilityClosureStore.ts';
import { loadFacilities } from '../store/facilityStore.ts';
import { stockForDrugAt } from '../store/stockStore.ts';
import { stockFactJudge } from './availabilityFacts.ts';

/** One row of "where to get it"; the public API serialises exactly this. */
export interface FacilityAvailability {
  id: string;
  name: string;
  type: Facility['type'];
  level: Facility['level'];
  status: StockStatus;
  /** usable (有货, fresh) · low (紧张) · call (stale: phone first) · disputed (有群众反映缺货) · out (缺货) */
  standing: FactStanding;
  reportedAt: string;
  reportAgeLabel: string;
  isStale: boolean;
  /** Citizens reported 买不到 here since this report (domain/stock/stockDispute.ts): 有群众反映缺货. */
  disputed: boolean;
  /** 药店自报 / 卫健部门导入 / 演示数据 */
  sourceLabel: string;
  distanceKm: number | null;
  /** Yuan, as the facility reported it; absent when it reported none. */
  price?: number;
  priceUnit?: string;
  /** "¥16.20/盒（20 粒，¥0.81/粒）", or the price as written when its pack cannot be read. */
  priceLabel?: string;
  phone: string | null;
  address: string;
  countyCode: string;
  lat: number;
  lng: number;
  insuranceDesignated: boolean;
  /** Null when the facility never gave its hours: then the page says 营业时间未知. */
  openNow: boolean | null;
  hours: string;
  isDemo: boolean;
}

export interface AvailabilityResult {
  drugId: string;
  orderedBy: 'distance' | 'status';
  /** The radius searched around the user, when located. */
  radiusKm: number | null;
  total: number;
  page: number;
  pageCount: number;
  facilities: FacilityAvailability[];
  /** For the one-line status above the list: counted over every match, not only this page. */
  summary: AvailabilitySummary;
}

export interface AvailabilitySummary {
  /** Fresh 有货 facts. */
  usable: number;
  /** …of which open at this moment (hours known). */
  usableOpenNow: number;
  /** The nearest fresh 有货, when located; the first card may be a farther one that is open now. */
  nearestUsableKm: number | null;
  /** Whether that nearest one is open now (null: hours unknown, or not located). */
  nearestUsableOpenNow: boolean | null;
  /** Facts worth a phone call: 紧张, stale or disputed (not 缺货). */
  toCall: number;
  newestUsableAgeLabel: string | null;
}

export interface AvailabilityOptions {
  now?: Date;
}

/** Enough to rank every facility within any allowed radius ourselves; the index's own order is by distance only. */
const rankingWindow = 1000;

/**
 * The index finds which facilities report the drug (near a point or in a region); the store supplies what
 * the index does not hold per drug: status detail, price, time and source of report. Ranking and paging happen
 * here, over every match, because "nearest" alone would put a 缺货 outlet next door first.
 */
export async function availabilityOf(
  portal: Portal,
  drugId: string,
  query: AvailabilityQuery,
  options: AvailabilityOptions | Date = {},
): Promise<AvailabilityResult> {
  const { now = new Date() } = options instanceof Date ? { now: options } : options;
  const { hits } = await routedFacilitiesWithDrug(portal, drugId, { ...query, limit: rankingWindow });
  const ids = hits.map((h) => h.id);
  const [facilities, stock, closures, judge] = await Promise.all([
    loadFacilities(portal.store, ids),
    stockForDrugAt(portal.store, drugId, ids),
    closuresFor(portal.store, ids),
    stockFactJudge(portal, { facilityIds: ids, drugIds: [drugId] }, now),
  ]);
  const facilityById = new Map(facilities.map((f) => [f.id, f]));
  const rows: FacilityAvailability[] = [];
  for (const hit of hits) {
    const f = facilityById.get(hit.id);
    const report = stock.get(hit.id);
    // The index can lag the store by a moment after an import; the store is the truth.
    if (!f || !report) continue;
    // Closed by staff: out of the list, however fresh its last report.
    if (isClosedAt(closures.get(f.id), now)) continue;
    if (query.available && report.status === 'out') continue;
    const fact = judge(report);
    // A month-old report says nothing about today's shelf.
    if (fact.age.isExpired) continue;
    const openNow = isOpenAt(f.openingHours, now);
    if (query.open && openNow !== true) continue;
    rows.push({
      id: f.id,
      name: f.name,
      type: f.type,
      level: f.level,
      status: report.status,
      standing: fact.standing,
      reportedAt: report.reportedAt,
      reportAgeLabel: fact.age.label,
      isStale: fact.isStale,
      disputed: fact.disputed,
      sourceLabel: reportSourceLabel(report.source),
      distanceKm: hit.distanceKm === null ? null : Math.round(hit.distanceKm * 10) / 10,
      ...(report.priceFen !== null
        ? { price: report.priceFen / 100, priceLabel: describePrice(report.priceFen, report.priceUnit) }
        : {}),
      ...(report.priceFen !== null && report.priceUnit ? { priceUnit: report.priceUnit } : {}),
      phone: f.phone,
      address: f.address,
      countyCode: f.countyCode,
      lat: f.lat,
      lng: f.lng,
      insuranceDesignated: f.insuranceDesignated,
      openNow,
      hours: describeHours(f.openingHours),
      isDemo: f.isDemo,
    });
  }
  const byDistance = query.lat !== undefined;
  const ranked = rankAvailability(rows, byDistance);
  const pageCount = Math.max(1, Math.ceil(ranked.length / query.limit));
  const page = Math.min(query.page, pageCount);
  return {
    drugId,
    orderedBy: byDistance ? 'distance' : 'status',
    radiusKm: byDistance ? query.radius : null,
    total: ranked.length,
    page,
    pageCount,
    facilities: ranked.slice((page - 1) * query.limit, page * query.limit),
    summary: summarise(ranked, byDistance),
  };
}

function summarise(ranked: FacilityAvailability[], byDistance: boolean): AvailabilitySummary {
  const usable = ranked.filter((r) => r.standing === 'usable');
  const nearest = byDistance ? usable.reduce<FacilityAvailability | null>((a, b) => (a && (a.distanceKm ?? 0) <= (b.distanceKm ?? 0) ? a : b), null) : null;
  return {
    usable: usable.length,
    usableOpenNow: usable.filter((r) => r.openNow === true).length,
    nearestUsableKm: nearest ? (nearest.distanceKm ?? 0) : null,
    nearestUsableOpenNow: nearest ? nearest.openNow : null,
    toCall: ranked.filter((r) => r.standing !== 'usable' && r.standing !== 'out').length,
    newestUsableAgeLabel: usable.reduce<FacilityAvailability | null>((a, b) => (a && a.reportedAt > b.reportedAt ? a : b), null)?.reportAgeLabel ?? null,
  };
}
