import { describePrice, unitPriceOf } from '../../domain/prices/pack.ts';
import { shareAbove } from '../../domain/prices/priceSignals.ts';
import { formatShanghaiTime } from '../../domain/time/shanghaiTime.ts';
import type { Store } from '../store/openStore.ts';
import { currentPricesOf } from '../store/priceHistoryStore.ts';

export interface ReportedPriceCheck {
  /** The facility's own current price, as the drug page shows it, and when it reported it. */
  facilityPrice: string;
  reportedAt: string;
  /** "群众所见单价高于机构自报 25%" when both packs read and compare; null otherwise. */
  comparison: string | null;
  href: string;
}

/**
 * Puts a price-rise report beside the facility's own reported price, so intake staff can check one against the
 * other. Undefined when the case names no facility or drug, or the facility reports no price for it.
 */
export async function reportedPriceCheck(
  store: Store,
  c: { facilityId: string | null; drugId: string | null },
  seen: { priceFen: number | null; pricePack: string | null } | undefined,
): Promise<ReportedPriceCheck | undefined> {
  if (!c.facilityId || !c.drugId) return undefined;
  const own = (await currentPricesOf(store, [{ facilityId: c.facilityId, drugId: c.drugId }])).values().next().value;
  if (!own) return undefined;
  const ownUnit = own.unit_fen === null ? undefined : Number(own.unit_fen);
  const seenUnit = seen?.priceFen != null ? unitPriceOf(seen.priceFen, seen.pricePack) : undefined;
  const comparable = ownUnit !== undefined && seenUnit !== undefined && seenUnit.unit === own.unit;
  const pct = comparable ? shareAbove(ownUnit, seenUnit.unitFen) : 0;
  return {
    facilityPrice: describePrice(own.price_fen, own.pack_text),
    reportedAt: formatShanghaiTime(own.reported_at),
    comparison: comparable ? (pct >= 0 ? `群众所见单价高于机构自报 ${pct}%` : `群众所见单价低于机构自报 ${-pct}%`) : null,
    href: `/facilities/${encodeURIComponent(c.facilityId)}`,
  };
}
