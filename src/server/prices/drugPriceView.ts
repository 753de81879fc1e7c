import { type PriceRange, priceRanges, type WeeklyMedian, weeklyMedians } from '../../domain/prices/areaPrices.ts';
import { shareAbove } from '../../domain/prices/priceSignals.ts';
import { matchReference, referenceLabel, withUnitPrice } from '../../domain/prices/referencePrice.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { Store } from '../store/openStore.ts';
import { areaHistory, currentPricesIn } from '../store/priceHistoryStore.ts';
import { referencesFor } from '../store/referencePriceStore.ts';

export interface ReferenceComparison {
  label: string;
  unitFen: number;
  /** How far the area's median is above (negative: below) the reference, in percent. */
  medianAbovePct: number;
  issuer: string;
  document: string;
  issuedOn: string;
  sourceUrl: string | null;
}

export interface ProductPrices {
  range: PriceRange;
  /** "胶囊 200mg" — the product the range is of. */
  product: string;
  reference: ReferenceComparison | null;
  history: WeeklyMedian[];
}

export interface DrugPriceView {
  products: ProductPrices[];
  unreadable: number;
}

const historyWeeks = 26;
const weekMs = 7 * 86_400_000;

/** The drug page's prices for an area (a region code): ranges per product, the reference and the history. */
export async function drugPriceView(store: Store, drugId: string, regionCode: string, now = new Date()): Promise<DrugPriceView> {
  const region = regionPrefixRange(regionCode);
  const current = await currentPricesIn(store, drugId, region);
  const { ranges, unreadable } = priceRanges(current.map((p) => ({
    facilityId: p.facility_id, unitFen: p.unit_fen === null ? null : Number(p.unit_fen), unit: p.unit, comparableKey: p.comparable_key, reportedAt: p.reported_at,
  })));
  const refs = (await referencesFor(store, [drugId])).map(withUnitPrice);
  const from = new Date(now.getTime() - historyWeeks * weekMs);
  // A year before the chart starts, so each facility's standing price at the first week is known.
  const since = new Date(from.getTime() - 52 * weekMs).toISOString();
  const products: ProductPrices[] = [];
  for (const range of ranges.slice(0, 3)) {
    const [form, strength] = range.comparableKey.split('|');
    const unitPrice = { unitFen: range.medianFen, unit: range.unit, form: form || null, strength: strength || null, comparableKey: range.comparableKey };
    const ref = matchReference(unitPrice, refs, regionCode.length >= 2 ? regionCode : null);
    const rows = await areaHistory(store, drugId, range.comparableKey, region, since);
    products.push({
      range,
      product: [form, strength].filter(Boolean).join(' ') || `每${range.unit}`,
      reference: ref?.unitPrice ? {
        label: referenceLabel(ref), unitFen: ref.unitPrice.unitFen, medianAbovePct: shareAbove(ref.unitPrice.unitFen, range.medianFen),
        issuer: ref.issuer, document: ref.document, issuedOn: ref.issuedOn, sourceUrl: ref.sourceUrl,
      } : null,
      history: weeklyMedians(rows.flatMap((r) => (r.unit_fen === null ? [] : [{ facilityId: r.facility_id, unitFen: Number(r.unit_fen), at: r.reported_at }])), from, historyWeeks),
    });
  }
  return { products, unreadable };
}
