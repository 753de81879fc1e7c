import { unitPriceOf } from '../../domain/prices/pack.ts';
import type { StockReport } from '../../domain/stock/stockStatus.ts';
import type { Store } from '../store/openStore.ts';
import { appendPrices, currentPricesOf, facilityCounties, type PriceRecord } from '../store/priceHistoryStore.ts';

/** A report's price as the history keeps it; undefined for a report that states no price. */
export function priceRecordOf(report: StockReport, countyCode: string): PriceRecord | undefined {
  if (report.priceFen === null) return undefined;
  const unit = unitPriceOf(report.priceFen, report.priceUnit, { form: report.dosageForm, strength: report.strength });
  return {
    facility_id: report.facilityId,
    drug_id: report.drugId,
    county_code: countyCode,
    price_fen: report.priceFen,
    pack_text: report.priceUnit,
    dosage_form: report.dosageForm ?? null,
    strength: report.strength ?? null,
    unit: unit?.unit ?? null,
    unit_fen: unit?.unitFen ?? null,
    comparable_key: unit?.comparableKey ?? null,
    reported_at: report.reportedAt,
  };
}

const samePrice = (a: PriceRecord, b: PriceRecord) =>
  a.price_fen === b.price_fen && a.pack_text === b.pack_text && a.dosage_form === b.dosage_form && a.strength === b.strength;

/**
 * Appends every price that differs from the facility's current one for that drug (a re-sent unchanged price is
 * not a new point; an older report than the current one is not either). Returns the prices appended, oldest first,
 * which is all a signal computation needs to look at.
 */
export async function recordPriceChanges(store: Store, reports: readonly StockReport[], source: string, now: Date): Promise<PriceRecord[]> {
  const priced = reports.filter((r) => r.priceFen !== null);
  if (priced.length === 0) return [];
  const counties = await facilityCounties(store, [...new Set(priced.map((r) => r.facilityId))]);
  const current = await currentPricesOf(store, priced.map((r) => ({ facilityId: r.facilityId, drugId: r.drugId })));
  const appended: PriceRecord[] = [];
  const latest = new Map(current);
  for (const report of [...priced].sort((x, y) => x.reportedAt.localeCompare(y.reportedAt))) {
    const county = counties.get(report.facilityId);
    const record = county ? priceRecordOf(report, county) : undefined;
    if (!record) continue;
    const key = `${record.facility_id}\u0000${record.drug_id}`;
    const before = latest.get(key);
    if (before && (before.reported_at >= record.reported_at || samePrice(before, record))) continue;
    latest.set(key, record);
    appended.push(record);
  }
  const records = appended;
  await appendPrices(store, records, source, now);
  return records;
}
