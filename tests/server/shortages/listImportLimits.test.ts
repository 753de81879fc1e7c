import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ListMeta } from '../../../src/domain/shortages/listMeta.ts';
import { reviewPageSize } from '../../../src/domain/shortages/stagedRow.ts';
import { loadCatalogueFromDataDir } from '../../../src/server/catalogueFiles.ts';
import { stageListImport } from '../../../src/server/shortages/listImport.ts';
import { importReviewPage } from '../../../src/server/shortages/listReview.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { saveCatalogue } from '../../../src/server/store/drugStore.ts';
import type { Store } from '../../../src/server/store/openStore.ts';
import { openTestStore, seedAccount, signedIn } from '../staff/staffFixtures.ts';

const meta: ListMeta = {
  title: '示例大清单（测试用，非官方）', kind: 'shortage', scope: 'provincial', regionCode: '36',
  issuer: '示例发布机关（非官方）', docNumber: null, effectiveDate: '2024-01-01', sourceUrl: null, isDemo: true,
};
// Exact names, a name whose pinyin fits two varieties (巫灵胶囊) and unknown names, repeated.
const names = ['地高辛片', '硫酸阿托品注射液', '巫灵胶囊', '示例未收录药品', '盐酸多巴胺注射液'];
const listCsv = (rows: number) =>
  ['序号,通用名,剂型,规格,备注', ...Array.from({ length: rows }, (_, i) => `${i + 1},${names[i % names.length]},片剂,${i}mg,示例`)].join('\n');

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

let store: Store;
let close: () => Promise<void>;
let provinceData: StaffUser;
const countRows = async () => ({
  imports: (await store.selectFrom('shortage_list_imports').select('id').execute()).length,
  rows: (await store.selectFrom('shortage_list_import_rows').select('id').execute()).length,
});

beforeAll(async () => {
  ({ store, close } = await openTestStore());
  await saveCatalogue(store, loadCatalogueFromDataDir('data'));
  await seedAccount(store, 'jx.data', '36', ['data']);
  provinceData = await signedIn(store, 'jx.data');
}, 120_000);
afterAll(async () => close?.());

describe('a shortage list far longer than real ones', () => {
  test('is refused above the row cap with a Chinese message, before any row is matched or stored', async () => {
    const before = await countRows();
    const result = await stageListImport(store, provinceData, { fileName: 'huge.csv', text: listCsv(2001), meta, maxRows: 2000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/超过每份清单最多 2000 行/);
    expect(await countRows()).toEqual(before);
  });

  test('at the cap, staging keeps the event loop responsive and stores one row per file row', async () => {
    const before = await countRows();
    let staged: Awaited<ReturnType<typeof stageListImport>> | undefined;
    const stall = await longestStall(async () => {
      staged = await stageListImport(store, provinceData, { fileName: 'big.csv', text: listCsv(5000), meta, maxRows: 5000 });
    });
    expect(staged?.ok).toBe(true);
    expect(await countRows()).toEqual({ imports: before.imports + 1, rows: before.rows + 5000 });
    // Matching 5,000 rows in one go blocked for well over 150 ms; in slices a concurrent request waits far less.
    expect(stall).toBeLessThan(150);
  });

  test('the review page holds at most one page of rows, those needing a decision first', async () => {
    const staged = await stageListImport(store, provinceData, { fileName: 'big.csv', text: listCsv(1000), meta, maxRows: 5000 });
    if (!staged.ok) throw new Error(JSON.stringify(staged.problems));
    const first = await importReviewPage(store, provinceData, staged.importId, 1);
    expect(first.rows).toHaveLength(reviewPageSize);
    expect(first.pages).toBe(10);
    expect(first.rows.every((r) => r.match.status !== 'matched')).toBe(true);
    const last = await importReviewPage(store, provinceData, staged.importId, 10);
    expect(last.rows.every((r) => r.match.status === 'matched')).toBe(true);
    expect(first.counts).toMatchObject({ rows: 1000 });
  });
});
