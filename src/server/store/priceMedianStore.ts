import type { Store } from './openStore.ts';

/** Saves a county's median for one product, or removes it when the county has no comparable price left. */
export async function saveCountyMedian(
  store: Store,
  m: { drugId: string; comparableKey: string; countyCode: string; medianFen: number | undefined; facilities: number },
  now: Date,
): Promise<void> {
  const key = { drug_id: m.drugId, comparable_key: m.comparableKey, county_code: m.countyCode };
  if (m.medianFen === undefined) {
    await store.deleteFrom('price_county_medians').where('drug_id', '=', m.drugId).where('comparable_key', '=', m.comparableKey).where('county_code', '=', m.countyCode).execute();
    return;
  }
  const values = { ...key, median_fen: m.medianFen, facilities: m.facilities, updated_at: now.toISOString() };
  await store
    .insertInto('price_county_medians')
    .values(values)
    .onConflict((oc) => oc.columns(['drug_id', 'comparable_key', 'county_code']).doUpdateSet({ median_fen: values.median_fen, facilities: values.facilities, updated_at: values.updated_at }))
    .execute();
}

/** County medians of one product under a region prefix (a city's or a province's counties). */
export async function countyMediansUnder(store: Store, drugId: string, comparableKey: string, prefix: string) {
  const rows = await store
    .selectFrom('price_county_medians')
    .select(['county_code', 'median_fen', 'facilities'])
    .where('drug_id', '=', drugId)
    .where('comparable_key', '=', comparableKey)
    .where('county_code', '>=', prefix)
    .where('county_code', '<', `${prefix}:`)
    .execute();
  return rows.map((r) => ({ countyCode: r.county_code, medianFen: Number(r.median_fen), facilities: Number(r.facilities) }));
}
