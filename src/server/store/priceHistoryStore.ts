import type { Store } from './openStore.ts';
import type { PriceCurrentTable, PriceHistoryTable } from './priceSchema.ts';

/** A price as the history keeps it: the price as reported and, when the pack reads, the unit price. */
export type PriceRecord = PriceCurrentTable;

const perStatement = 400;
const pairKey = (facilityId: string, drugId: string) => `${facilityId}\u0000${drugId}`;

/** The newest recorded price of each facility × drug asked for. */
export async function currentPricesOf(store: Store, pairs: readonly { facilityId: string; drugId: string }[]): Promise<Map<string, PriceRecord>> {
  const found = new Map<string, PriceRecord>();
  const byFacility = new Map<string, Set<string>>();
  for (const p of pairs) byFacility.set(p.facilityId, (byFacility.get(p.facilityId) ?? new Set()).add(p.drugId));
  const facilities = [...byFacility.keys()];
  const drugs = [...new Set(pairs.map((p) => p.drugId))];
  for (let i = 0; i < facilities.length; i += perStatement) {
    for (let d = 0; d < drugs.length; d += perStatement) {
      const rows = await store
        .selectFrom('price_current')
        .selectAll()
        .where('facility_id', 'in', facilities.slice(i, i + perStatement))
        .where('drug_id', 'in', drugs.slice(d, d + perStatement))
        .execute();
      for (const r of rows) if (byFacility.get(r.facility_id)?.has(r.drug_id)) found.set(pairKey(r.facility_id, r.drug_id), r);
    }
  }
  return found;
}

/**
 * Appends each price to the history and makes it the current one: one transaction, so a failed import leaves
 * neither half. The caller has already dropped prices that change nothing and passes them oldest first.
 */
export async function appendPrices(store: Store, prices: readonly PriceRecord[], source: string, now: Date): Promise<void> {
  if (prices.length === 0) return;
  const recordedAt = now.toISOString();
  await store.transaction().execute(async (trx) => {
    for (let i = 0; i < prices.length; i += perStatement) {
      const chunk = prices.slice(i, i + perStatement);
      const history: Omit<PriceHistoryTable, 'id'>[] = chunk.map((p) => ({ ...p, source, recorded_at: recordedAt }));
      await trx.insertInto('price_history').values(history).execute();
      // One row per pair per statement: PostgreSQL refuses to upsert a row twice, and the newest is what stays.
      const newest = [...new Map(chunk.map((p) => [pairKey(p.facility_id, p.drug_id), p])).values()];
      await trx
        .insertInto('price_current')
        .values(newest)
        .onConflict((oc) =>
          oc.columns(['facility_id', 'drug_id']).doUpdateSet((eb) => ({
            county_code: eb.ref('excluded.county_code'),
            price_fen: eb.ref('excluded.price_fen'),
            pack_text: eb.ref('excluded.pack_text'),
            dosage_form: eb.ref('excluded.dosage_form'),
            strength: eb.ref('excluded.strength'),
            unit: eb.ref('excluded.unit'),
            unit_fen: eb.ref('excluded.unit_fen'),
            comparable_key: eb.ref('excluded.comparable_key'),
            reported_at: eb.ref('excluded.reported_at'),
          })),
        )
        .execute();
    }
  });
}

/** Every recorded price of one facility × drug since `since`, oldest first. */
export async function pairHistory(store: Store, facilityId: string, drugId: string, since: string) {
  return store
    .selectFrom('price_history')
    .select(['price_fen', 'pack_text', 'unit_fen', 'comparable_key', 'reported_at'])
    .where('facility_id', '=', facilityId)
    .where('drug_id', '=', drugId)
    .where('reported_at', '>=', since)
    .orderBy('reported_at')
    .orderBy('id')
    .execute();
}

/** The current comparable unit prices of one product in one county (what its median is taken over). */
export async function countyUnitPrices(store: Store, drugId: string, comparableKey: string, countyCode: string): Promise<number[]> {
  const rows = await store
    .selectFrom('price_current')
    .select('unit_fen')
    .where('drug_id', '=', drugId)
    .where('county_code', '=', countyCode)
    .where('comparable_key', '=', comparableKey)
    .execute();
  return rows.flatMap((r) => (r.unit_fen === null ? [] : [Number(r.unit_fen)]));
}

/** Current prices of a drug in a region (a prefix range of county codes), with each facility's name. */
export async function currentPricesIn(store: Store, drugId: string, region: { from: string; before: string }) {
  return store
    .selectFrom('price_current as p')
    .innerJoin('facilities as f', 'f.id', 'p.facility_id')
    .select(['p.facility_id', 'f.name as facility_name', 'p.county_code', 'p.price_fen', 'p.pack_text', 'p.unit', 'p.unit_fen', 'p.comparable_key', 'p.dosage_form', 'p.strength', 'p.reported_at'])
    .where('p.drug_id', '=', drugId)
    .where('p.county_code', '>=', region.from)
    .where('p.county_code', '<', region.before)
    .execute();
}

/** Comparable prices of a drug in a region since `since`, oldest first: what the area's price history is drawn from. */
export async function areaHistory(store: Store, drugId: string, comparableKey: string, region: { from: string; before: string }, since: string) {
  return store
    .selectFrom('price_history')
    .select(['facility_id', 'unit_fen', 'reported_at'])
    .where('drug_id', '=', drugId)
    .where('county_code', '>=', region.from)
    .where('county_code', '<', region.before)
    .where('comparable_key', '=', comparableKey)
    .where('reported_at', '>=', since)
    .orderBy('reported_at')
    .execute();
}

/** County of each facility asked for (prices are placed, and scoped, by the facility's county). */
export async function facilityCounties(store: Store, facilityIds: readonly string[]): Promise<Map<string, string>> {
  const counties = new Map<string, string>();
  for (let i = 0; i < facilityIds.length; i += perStatement) {
    const rows = await store.selectFrom('facilities').select(['id', 'county_code']).where('id', 'in', facilityIds.slice(i, i + perStatement)).execute();
    for (const r of rows) counties.set(r.id, r.county_code);
  }
  return counties;
}
