import type { ExpressionBuilder } from 'kysely';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import { formatShanghaiDate } from '../../domain/time/shanghaiTime.ts';
import type { Store } from './openStore.ts';
import type { Database } from './schema.ts';

/** The store's side of a quarterly notice's figures (server/notices/noticeFigures.ts writes them up). */

/** Facilities of a region and everything below it: counties by prefix, a township by its own code. */
function inRegion(eb: ExpressionBuilder<Database, 'facilities'>, regionCode: string) {
  if (regionCode.length === 9) return eb('facilities.township_code', '=', regionCode);
  const { from, before } = regionPrefixRange(regionCode);
  return eb.and([eb('facilities.county_code', '>=', from), eb('facilities.county_code', '<', before)]);
}

export interface StatusCounts {
  in_stock: number;
  low: number;
  out: number;
}

/** Latest reports per drug and status in the region, and the Shanghai dates the reports span. */
export async function regionStockCounts(store: Store, regionCode: string, drugIds: string[]) {
  const counts = new Map<string, StatusCounts>();
  if (drugIds.length === 0) return { counts, reportedBetween: null };
  const rows = await store
    .selectFrom('stock_reports')
    .select(['drug_id', 'status'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('reported_at').as('first'), eb.fn.max('reported_at').as('last')])
    .where('drug_id', 'in', drugIds)
    .where('facility_id', 'in', (eb) => eb.selectFrom('facilities').select('facilities.id').where((f) => inRegion(f, regionCode)))
    .groupBy(['drug_id', 'status'])
    .execute();
  let first: string | null = null;
  let last: string | null = null;
  for (const row of rows) {
    const entry = counts.get(row.drug_id) ?? { in_stock: 0, low: 0, out: 0 };
    entry[row.status] += Number(row.n);
    counts.set(row.drug_id, entry);
    const from = String(row.first);
    const to = String(row.last);
    if (first === null || from < first) first = from;
    if (last === null || to > last) last = to;
  }
  const reportedBetween = first && last ? { from: formatShanghaiDate(first), to: formatShanghaiDate(last) } : null;
  return { counts, reportedBetween };
}

/** How many facilities the region has, and whether any of them is demo data. */
export async function regionFacilityCount(store: Store, regionCode: string): Promise<{ count: number; anyDemo: boolean }> {
  const facilities = await store
    .selectFrom('facilities')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('is_demo').as('demo')])
    .where((eb) => inRegion(eb, regionCode))
    .executeTakeFirst();
  return { count: Number(facilities?.n ?? 0), anyDemo: Number(facilities?.demo ?? 0) === 1 };
}
