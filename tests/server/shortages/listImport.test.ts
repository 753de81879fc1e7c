import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import type { ListMeta } from '../../../src/domain/shortages/listMeta.ts';
import { loadCatalogueFromDataDir } from '../../../src/server/catalogueFiles.ts';
import type { DrugDocument } from '../../../src/server/search/drugIndex.ts';
import { reindexAll } from '../../../src/server/search/reindex.ts';
import { listCsv, loadListExport } from '../../../src/server/shortages/listExport.ts';
import { stageListImport } from '../../../src/server/shortages/listImport.ts';
import { publishListImport } from '../../../src/server/shortages/listPublish.ts';
import { compareVersions, listEntries, listsInForceFor, listVersions } from '../../../src/server/shortages/listQueries.ts';
import { decideImportRows, discardListImport, keepUnmatched, ListReviewError, pendingImports, searchForImportRow } from '../../../src/server/shortages/listReview.ts';
import { StaffAuthError, type StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { saveCatalogue } from '../../../src/server/store/drugStore.ts';
import { saveRegions } from '../../../src/server/store/regionStore.ts';
import { listImportRowsAt } from '../../../src/server/store/shortageImportStore.ts';
import { openTestPortal } from '../../support/testPortal.ts';
import { auditActions, seedAccount, signedIn } from '../staff/staffFixtures.ts';

const exampleCsv = readFileSync('data/examples/shortage-list-example.csv', 'utf8');
// v2 drops 多巴胺, adds 硝酸甘油, changes 阿托品's specification and keeps the rest.
const v2Csv = [
  '序号,通用名,剂型,规格,备注',
  '1,硫酸阿托品注射液,注射液,1ml:1mg,示例数据（非官方清单）',
  '2,重酒石酸去甲肾上腺素注射液,注射液,1ml:2mg,示例数据（非官方清单）',
  '3,地高辛片,片剂,0.25mg,示例数据（非官方清单）',
  '4,乌灵胶囊,胶囊,0.33g,示例数据',
  '5,示例未收录药品,片剂,,示例数据：目录中没有，按原文保留',
  '6,硝酸甘油片,片剂,0.5mg,示例数据（非官方清单）',
].join('\r\n');
const meta: ListMeta = {
  title: '示例省级短缺药品清单（测试用，非官方）', kind: 'shortage', scope: 'provincial', regionCode: '36',
  issuer: '示例发布机关（非官方）', docNumber: null, effectiveDate: '2024-01-01', sourceUrl: null, isDemo: true,
};

let portal: Awaited<ReturnType<typeof openTestPortal>>;
let provinceData: StaffUser;
let cityData: StaffUser;
let provincePublisher: StaffUser;
const flagCodesOf = async (id: string) =>
  (await portal.search.client.index<DrugDocument>(portal.search.indexName('drugs')).getDocument(id)).flagCodes;

beforeAll(async () => {
  portal = await openTestPortal({ demo: false });
  await saveCatalogue(portal.store, loadCatalogueFromDataDir('data'));
  await saveRegions(portal.store, parseDivisionsCsv(readFileSync('data/jingdezhen_divisions.csv', 'utf8')));
  await reindexAll(portal);
  await seedAccount(portal.store, 'jx.data', '36', ['data']);
  await seedAccount(portal.store, 'jdz.data', '3602', ['data']);
  await seedAccount(portal.store, 'jx.publisher', '36', ['publisher']);
  provinceData = await signedIn(portal.store, 'jx.data');
  cityData = await signedIn(portal.store, 'jdz.data');
  provincePublisher = await signedIn(portal.store, 'jx.publisher');
}, 180_000);
afterAll(async () => portal?.close());

describe('loading a shortage list', () => {
  test('refuses accounts without role data or below the list region, and stores nothing', async () => {
    const input = { fileName: 'list.csv', text: exampleCsv, meta };
    await expect(stageListImport(portal.store, provincePublisher, input)).rejects.toMatchObject({ code: 'missing_role' });
    await expect(stageListImport(portal.store, cityData, input)).rejects.toBeInstanceOf(StaffAuthError);
    expect(await portal.store.selectFrom('shortage_list_imports').selectAll().execute()).toEqual([]);
  });

  test('rejects a file with a bad row as a whole, naming line and column', async () => {
    const result = await stageListImport(portal.store, provinceData, { fileName: 'bad.csv', text: '序号,通用名\n1,地高辛\nx,\n', meta });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.line}:${p.field}`)).toEqual(['3:序号', '3:通用名']);
    expect(await portal.store.selectFrom('shortage_list_imports').selectAll().execute()).toEqual([]);
  });

  test('import with an ambiguous row → review → v1; a changed file → v2; v1 untouched; diff and flags follow', async () => {
    const staged = await stageListImport(portal.store, provinceData, { fileName: 'shortage-list-example.csv', text: exampleCsv, meta });
    if (!staged.ok) throw new Error(JSON.stringify(staged.problems));
    expect(staged.rows.map((r) => r.match.status)).toEqual(['matched', 'matched', 'matched', 'matched', 'ambiguous', 'unmatched']);
    expect(staged.rows[4]?.match).toEqual({ status: 'ambiguous', candidates: ['T102', 'T158'], method: 'pinyin' });

    // Publishing waits until a person has chosen for the ambiguous row.
    await expect(publishListImport(portal, provinceData, staged.importId)).rejects.toMatchObject({ code: 'undecided', rows: [4] });
    // A drug nobody was offered is ignored; a candidate is taken.
    await decideImportRows(portal.store, provinceData, staged.importId, new Map([[4, 'W078']]));
    expect((await listImportRowsAt(portal.store, staged.importId, [4]))[0]?.decision).toBeNull();
    await decideImportRows(portal.store, provinceData, staged.importId, new Map([[4, 'T102'], [5, keepUnmatched]]));
    const v1 = await publishListImport(portal, provinceData, staged.importId);
    expect(v1).toMatchObject({ listKey: 'demo-36-shortage', version: 1, entries: 6, unmatched: 1, indexError: null });
    await expect(publishListImport(portal, provinceData, staged.importId)).rejects.toBeInstanceOf(ListReviewError);

    const v1Entries = await listEntries(portal.store, [v1.listId]);
    expect(v1Entries.map((e) => e.drugId)).toEqual(['W240', 'W195', 'W198', 'W169', 'T102', null]);
    expect(v1Entries[5]).toMatchObject({ rawName: '示例未收录药品', rawForm: '片剂', genericName: null });
    expect(await flagCodesOf('W198')).toContain('shortage:provincial');

    const again = await stageListImport(portal.store, provinceData, { fileName: 'v2.csv', text: v2Csv, meta, existingKey: 'demo-36-shortage' });
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    const v2 = await publishListImport(portal, provinceData, again.importId);
    expect(v2.version).toBe(2);

    expect(await listEntries(portal.store, [v1.listId])).toEqual(v1Entries);
    expect((await listVersions(portal.store, 'demo-36-shortage')).map((v) => v.version)).toEqual([2, 1]);
    const comparison = await compareVersions(portal.store, 'demo-36-shortage', 1, 2);
    expect(comparison?.diff.added.map((a) => a.key)).toEqual(['drug:W151']);
    expect(comparison?.diff.removed.map((r) => r.key)).toEqual(['drug:W198']);
    expect(comparison?.diff.changed.map((c) => c.key)).toEqual(['drug:W240', 'drug:T102']);

    const inForce = await listsInForceFor(portal.store, '360203');
    expect(inForce.map((l) => [l.listKey, l.version])).toEqual([['demo-36-shortage', 2]]);
    expect(await flagCodesOf('W151')).toContain('shortage:provincial');
    expect(await flagCodesOf('W198')).not.toContain('shortage:provincial');
    expect((await auditActions(portal.store)).filter((a) => a.startsWith('shortage_list.'))).toEqual(['shortage_list.stage', 'shortage_list.publish', 'shortage_list.stage', 'shortage_list.publish']);
  });

  test('a new version must agree with the chosen list on region and 示例', async () => {
    const result = await stageListImport(portal.store, provinceData, { fileName: 'v3.csv', text: v2Csv, meta: { ...meta, isDemo: false, docNumber: '示例〔2026〕1号', sourceUrl: 'https://example.org/list' }, existingKey: 'demo-36-shortage' });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'listKey' }] });
  });

  test('a search by pinyin offers another variety for an unmatched row; discarding publishes nothing', async () => {
    const staged = await stageListImport(portal.store, provinceData, { fileName: 'list.csv', text: exampleCsv, meta: { ...meta, title: '示例（放弃）' } });
    if (!staged.ok) throw new Error('not staged');
    expect(await searchForImportRow(portal, provinceData, staged.importId, 5, 'buluofen')).toContain('W078');
    const rows = await decideImportRows(portal.store, provinceData, staged.importId, new Map([[5, 'W078']]));
    expect(rows[0]?.decision).toEqual({ drugId: 'W078', by: 'staff' });
    // A city account sees no national or provincial import waiting.
    expect((await pendingImports(portal.store, cityData)).map((p) => p.id)).not.toContain(staged.importId);
    await discardListImport(portal.store, provinceData, staged.importId);
    await expect(publishListImport(portal, provinceData, staged.importId)).rejects.toMatchObject({ code: 'not_pending' });
    expect((await listVersions(portal.store, 'demo-36-shortage')).map((v) => v.version)).toEqual([2, 1]);
  });

  test('the CSV download starts with the BOM, says 示例 and has the Chinese names', async () => {
    const exported = await loadListExport(portal.store, 'demo-36-shortage', 1, 'https://portal.example');
    if (!exported) throw new Error('no export');
    const csv = listCsv(exported);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toContain('数据性质,示例（演示数据，非官方发布）\r\n');
    expect(csv).toContain('地区,江西省\r\n');
    expect(csv).toContain('\r\n\r\n序号,通用名（清单原文）,剂型,规格,备注,药品编号,目录通用名,目录分类,药品页面\r\n');
    expect(csv).toContain('3,盐酸多巴胺注射液,注射液,2ml:20mg,示例数据（非官方清单）,W198,多巴胺,');
    expect(csv).toContain('6,示例未收录药品,片剂,,示例数据：目录中没有，按原文保留,,,,\r\n');
  });
});
