import { afterEach, beforeEach, expect, test } from 'vitest';
import { type ArticleInsert, insertArticle } from '../../src/server/store/articleStore.ts';
import type { Store } from '../../src/server/store/openStore.ts';
import { enforcementResultsPublished, priceRiseReports } from '../../src/server/store/priceFiguresStore.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const quarter = { start: '2026-09-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' };
const inQuarter = '2026-11-10T02:00:00.000Z';

function result(overrides: Partial<ArticleInsert>): ArticleInsert {
  return {
    kind: 'enforcement', state: 'published', region_code: '360203', title: '关于某药店布洛芬价格的处理结果', issuer: '珠山区卫生健康委',
    body_md: '已函询约谈。', category: 'inquiry', data_json: '{"finding":"价格上涨幅度异常","actionDate":"2026-11-09","party":""}',
    requested_slug: null, permalink_year: 2026, permalink_slug: `r-${Math.random().toString(36).slice(2, 8)}`, publish_at: inQuarter,
    published_at: inQuarter, corrected_at: null, withdrawn_at: null, withdrawn_reason: null, review_note: null, author_id: 1,
    last_editor_id: 1, reviewer_id: 2, created_at: inQuarter, updated_at: inQuarter, indexed_at: null, revision: 1, ...overrides,
  };
}

let caseSeq = 0;
async function priceReport(store: Store, county: string, drugName: string, options: { result?: 'confirmed' | 'not_confirmed'; problem?: 'price_rise' | 'unavailable'; duplicate?: boolean; at?: string } = {}) {
  caseSeq += 1;
  const at = options.at ?? inQuarter;
  const kase = await store
    .insertInto('report_cases')
    .values({
      case_key: `k${caseSeq}`, drug_id: null, drug_name: drugName, facility_id: null, county_code: county, status: options.result ? 'verified' : 'received',
      level: 'county', deadline_at: at, assigned_to: null, result: options.result ?? null, action: null, public_reply: null, first_report_at: at,
      last_report_at: at, closed_at: null, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const insert = (duplicateOf: number | null, n: number) =>
    store
      .insertInto('citizen_reports')
      .values({
        tracking_number: `T${caseSeq}-${n}`, check_code_hash: 'x', case_id: kase.id, drug_id: null, drug_name: drugName, problem: options.problem ?? 'price_rise',
        facility_id: null, county_code: county, place: null, seen_at: at, price_fen: 1620, price_pack: null, description: null, phone: null,
        contact_erased_at: null, device_hash: 'd', channel: 'api', duplicate_of: duplicateOf, received_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const first = await insert(null, 1);
  if (options.duplicate) await insert(first.id, 2);
}

describeStores('price figures of the quarterly notice', (open) => {
  let opened: TestStore;
  let store: Store;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(async () => opened.close());

  test('reads the enforcement results published in the quarter within the region, not drafts, withdrawn or other quarters', async () => {
    await insertArticle(store, result({ region_code: '360203', category: 'inquiry' }), []);
    await insertArticle(store, result({ region_code: '360203001', category: 'referral' }), []);
    await insertArticle(store, result({ region_code: '360281', category: 'cost_survey' }), []);
    await insertArticle(store, result({ region_code: '3603', category: 'inquiry' }), []);
    await insertArticle(store, result({ state: 'draft', permalink_year: null, permalink_slug: null, published_at: null }), []);
    await insertArticle(store, result({ state: 'withdrawn' }), []);
    await insertArticle(store, result({ published_at: '2026-09-20T02:00:00.000Z' }), []);
    await insertArticle(store, result({ kind: 'clarification', category: 'false' }), []);
    const rows = await enforcementResultsPublished(store, '3602', quarter);
    expect(rows.map((r) => `${r.regionCode}:${r.action}`).sort()).toEqual(['360203001:referral', '360203:inquiry', '360281:cost_survey']);
    expect(await enforcementResultsPublished(store, '360281', quarter)).toEqual([{ regionCode: '360281', action: 'cost_survey' }]);
  });

  test('reads price-rise reports by county, drug and outcome, leaving out repeats, other problems and other quarters', async () => {
    await priceReport(store, '360203', '布洛芬', { result: 'confirmed', duplicate: true });
    await priceReport(store, '360203', '布洛芬');
    await priceReport(store, '360281', '阿莫西林', { result: 'not_confirmed' });
    await priceReport(store, '360281', '阿莫西林', { problem: 'unavailable' });
    await priceReport(store, '360203', '布洛芬', { at: '2027-01-02T02:00:00.000Z' });
    await priceReport(store, '360302', '布洛芬');
    const rows = await priceRiseReports(store, '3602', quarter);
    const sorted = [...rows].sort((a, b) => `${a.countyCode}${a.verified}`.localeCompare(`${b.countyCode}${b.verified}`));
    expect(sorted).toEqual([
      { countyCode: '360203', drugName: '布洛芬', verified: false, confirmed: false, reports: 1 },
      { countyCode: '360203', drugName: '布洛芬', verified: true, confirmed: true, reports: 1 },
      { countyCode: '360281', drugName: '阿莫西林', verified: true, confirmed: false, reports: 1 },
    ]);
  });
});
