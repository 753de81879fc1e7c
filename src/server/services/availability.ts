import type { Facility } from '../../domain/facilities/facility.ts';
import { describeHours, isOpenAt } from '../../domain/facilities/openingStatus.ts';
import type { AvailabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import { rankAvailability } from '../../domain/stock/availabilityRanking.ts';
import { reportAge } from '../../domain/stock/freshness.ts';
import type { StockStatus } from '../../domain/stock/stockStatus.ts';
import type { Portal } from '../portal.ts';
import { routedFacilitiesWithDrug } from '../search/availabilityRouting.ts';
import { loadFacilities } from '../store/facilityStore.ts';
import { stockForDrugAt } from '../store/stockStore.ts';

/** One row of "where to get it"; the public API serialises exactly this. */
export interface FacilityAvailability {
  id: string;
  name: string;
  type: Facility['type'];
  level: Facility['level'];
  status: StockStatus;
  reportedAt: string;
  reportAgeLabel: string;
  isStale: boolean;
  distanceKm: number | null;
  /** Yuan, as the facility reported it; absent when it reported none. */
  price?: number;
  priceUnit?: string;
  phone: string | null;
  address: string;
  countyCode: string;
  lat: number;
  lng: number;
  insuranceDesignated: boolean;
  openNow: boolean;
  hours: string;
  isDemo: boolean;
}

export interface AvailabilityResult {
  drugId: string;
  orderedBy: 'distance' | 'status';
  total: number;
  facilities: FacilityAvailability[];
}

/**
 * The index finds which facilities report the drug (near a point or in a region); the store supplies what
 * the index does not hold per drug: status detail, price and time of report.
 */
export async function availabilityOf(
  portal: Portal,
  drugId: string,
  query: AvailabilityQuery,
  now = new Date(),
): Promise<AvailabilityResult> {
  const { hits, total: indexTotal } = await routedFacilitiesWithDrug(portal, drugId, query);
  const ids = hits.map((h) => h.id);
  const [facilities, stock] = await Promise.all([
    loadFacilities(portal.store, ids),
    stockForDrugAt(portal.store, drugId, ids),
  ]);
  const facilityById = new Map(facilities.map((f) => [f.id, f]));
  const rows: FacilityAvailability[] = [];
  for (const hit of hits) {
    const f = facilityById.get(hit.id);
    const report = stock.get(hit.id);
    // The index can lag the store by a moment after an import; the store is the truth.
    if (!f || !report) continue;
    if (query.available && report.status === 'out') continue;
    const age = reportAge(report.reportedAt, now);
    rows.push({
      id: f.id,
      name: f.name,
      type: f.type,
      level: f.level,
      status: report.status,
      reportedAt: report.reportedAt,
      reportAgeLabel: age.label,
      isStale: age.isStale,
      distanceKm: hit.distanceKm === null ? null : Math.round(hit.distanceKm * 10) / 10,
      ...(report.priceFen !== null ? { price: report.priceFen / 100 } : {}),
      ...(report.priceFen !== null && report.priceUnit ? { priceUnit: report.priceUnit } : {}),
      phone: f.phone,
      address: f.address,
      countyCode: f.countyCode,
      lat: f.lat,
      lng: f.lng,
      insuranceDesignated: f.insuranceDesignated,
      openNow: isOpenAt(f.openingHours, now),
      hours: describeHours(f.openingHours),
      isDemo: f.isDemo,
    });
  }
  const byDistance = query.lat !== undefined;
  const ranked = rankAvailability(rows, byDistance);
  // Near a point the index pages for us, so its count is the total; in a region every match was fetched.
  const total = byDistance ? Math.max(indexTotal - (hits.length - rows.length), rows.length) : ranked.length;
  return { drugId, orderedBy: byDistance ? 'distance' : 'status', total, facilities: ranked.slice(0, query.limit) };
}
