import type { Store } from './openStore.ts';

/** Citizen reports since `since` in a region, by drug and county (repeat submissions not counted). */
export async function reportGroupsSince(store: Store, region: { from: string; before: string }, since: string) {
  const rows = await store
    .selectFrom('citizen_reports')
    .select(['drug_id', 'drug_name', 'county_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('county_code', '>=', region.from)
    .where('county_code', '<', region.before)
    .where('received_at', '>=', since)
    .where('duplicate_of', 'is', null)
    .groupBy(['drug_id', 'drug_name', 'county_code'])
    .execute();
  return rows.map((r) => ({ drugId: r.drug_id, drugName: r.drug_name, countyCode: r.county_code, reports: Number(r.n) }));
}

/**
 * Facilities whose own stock report says 有货 for a drug that citizens reported 买不到 there since `since`:
 * the two facts disagree, which is a signal of its own.
 */
export async function stockConflictsSince(store: Store, region: { from: string; before: string }, since: string) {
  const rows = await store
    .selectFrom('citizen_reports as r')
    .innerJoin('stock_reports as s', (join) => join.onRef('s.facility_id', '=', 'r.facility_id').onRef('s.drug_id', '=', 'r.drug_id'))
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .select(['r.facility_id', 'f.name as facility_name', 'r.drug_id', 'r.drug_name', 'r.county_code', 's.reported_at', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.problem', '=', 'unavailable')
    .where('r.duplicate_of', 'is', null)
    .where('r.received_at', '>=', since)
    .where('r.county_code', '>=', region.from)
    .where('r.county_code', '<', region.before)
    .where('s.status', '=', 'in_stock')
    .groupBy(['r.facility_id', 'f.name', 'r.drug_id', 'r.drug_name', 'r.county_code', 's.reported_at'])
    .execute();
  return rows.map((r) => ({
    facilityId: r.facility_id as string,
    facilityName: r.facility_name,
    drugId: r.drug_id as string,
    drugName: r.drug_name,
    countyCode: r.county_code,
    stockReportedAt: r.reported_at,
    reports: Number(r.n),
  }));
}
