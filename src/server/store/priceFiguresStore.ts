import type { PriceFigureInputs } from '../../domain/notices/priceFigures.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { Store } from './openStore.ts';

/**
 * The rows the quarterly notice's price section is computed from (domain/notices/priceFigures.ts), for a
 * region and everything below it (by code prefix) and a time range [start, end).
 */
type Range = { start: string; end: string };

/** Enforcement results published in the range and still standing (a withdrawn one no longer counts). */
export async function enforcementResultsPublished(store: Store, regionCode: string, range: Range): Promise<PriceFigureInputs['enforcementResults']> {
  const { from, before } = regionPrefixRange(regionCode);
  const rows = await store
    .selectFrom('articles')
    .select(['region_code', 'category'])
    .where('kind', '=', 'enforcement')
    .where('state', 'in', ['published', 'scheduled'])
    .where('permalink_slug', 'is not', null)
    .where('published_at', '>=', range.start)
    .where('published_at', '<', range.end)
    .where('region_code', '>=', from)
    .where('region_code', '<', before)
    .execute();
  return rows.map((r) => ({ regionCode: r.region_code, action: r.category }));
}

/**
 * Citizen reports of a price rise (problem `price_rise`) received in the range, repeat submissions left out,
 * counted per county, drug and how far their case got: verified (a result recorded) and confirmed (属实).
 */
export async function priceRiseReports(store: Store, regionCode: string, range: Range): Promise<PriceFigureInputs['priceReports']> {
  // Reports are placed by county: a township's notice shows its county's figures rather than none.
  const { from, before } = regionPrefixRange(regionCode.length > 6 ? regionCode.slice(0, 6) : regionCode);
  const rows = await store
    .selectFrom('citizen_reports as r')
    .innerJoin('report_cases as c', 'c.id', 'r.case_id')
    .select(['r.county_code', 'r.drug_name', 'c.result', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.problem', '=', 'price_rise')
    .where('r.duplicate_of', 'is', null)
    .where('r.county_code', '>=', from)
    .where('r.county_code', '<', before)
    .where('r.received_at', '>=', range.start)
    .where('r.received_at', '<', range.end)
    .groupBy(['r.county_code', 'r.drug_name', 'c.result'])
    .execute();
  return rows.map((r) => ({
    countyCode: r.county_code,
    drugName: r.drug_name,
    verified: r.result !== null,
    confirmed: r.result === 'confirmed',
    reports: Number(r.n),
  }));
}
