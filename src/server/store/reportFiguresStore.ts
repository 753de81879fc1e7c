import type { CitizenReportFigures } from '../../domain/notices/draftFigures.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { Store } from './openStore.ts';
import { regionNames } from './regionStore.ts';

/**
 * The quarterly notice's citizen-report figures for a region (counties by prefix) and a time range: reports
 * received in it, and of the cases opened in it, those verified, escalated past a deadline and reopened.
 */
export async function citizenReportFigures(store: Store, regionCode: string, range: { start: string; end: string }, topN = 5): Promise<CitizenReportFigures> {
  // Reports are placed by county: a township's notice shows its county's figures rather than none.
  const { from, before } = regionPrefixRange(regionCode.length > 6 ? regionCode.slice(0, 6) : regionCode);
  const received = await store
    .selectFrom('citizen_reports')
    .select(['county_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('county_code', '>=', from)
    .where('county_code', '<', before)
    .where('received_at', '>=', range.start)
    .where('received_at', '<', range.end)
    .where('duplicate_of', 'is', null)
    .groupBy('county_code')
    .execute();
  const cases = await store
    .selectFrom('report_cases as c')
    .select((eb) => [
      'c.county_code',
      eb.fn.count<number>(eb.case().when('c.result', 'is not', null).then(1).end()).as('verified'),
      eb.fn.count<number>(eb.case().when('c.reopen_count', '>', 0).then(1).end()).as('reopened'),
      eb.fn
        .count<number>(
          eb
            .case()
            .when(eb.exists(eb.selectFrom('report_case_events as e').select('e.id').whereRef('e.case_id', '=', 'c.id').where('e.kind', '=', 'escalated')))
            .then(1)
            .end(),
        )
        .as('overdue'),
    ])
    .where('c.county_code', '>=', from)
    .where('c.county_code', '<', before)
    .where('c.first_report_at', '>=', range.start)
    .where('c.first_report_at', '<', range.end)
    .groupBy('c.county_code')
    .execute();
  const counties = [...new Set([...received.map((r) => r.county_code), ...cases.map((c) => c.county_code)])].sort();
  const names = await regionNames(store, counties);
  const topDrugs = await store
    .selectFrom('citizen_reports')
    .select(['drug_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('county_code', '>=', from)
    .where('county_code', '<', before)
    .where('received_at', '>=', range.start)
    .where('received_at', '<', range.end)
    .where('duplicate_of', 'is', null)
    .groupBy('drug_name')
    .orderBy('n', 'desc')
    .orderBy('drug_name')
    .limit(topN)
    .execute();
  return {
    byCounty: counties.map((code) => {
      const c = cases.find((x) => x.county_code === code);
      return {
        countyName: names.get(code) ?? code,
        received: Number(received.find((r) => r.county_code === code)?.n ?? 0),
        verified: Number(c?.verified ?? 0),
        overdue: Number(c?.overdue ?? 0),
        reopened: Number(c?.reopened ?? 0),
      };
    }),
    topDrugs: topDrugs.map((d) => ({ drugName: d.drug_name, reports: Number(d.n) })),
  };
}
