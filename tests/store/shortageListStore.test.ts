import { afterEach, expect, test } from 'vitest';
import { saveDemoList } from '../../src/server/store/demoListStore.ts';
import { loadDrug, saveCatalogue } from '../../src/server/store/drugStore.ts';
import { claimListImportForPublish, insertListImport, linkPublishedList, listImportHeader, markListImportDiscarded } from '../../src/server/store/shortageImportStore.ts';
import {
  drugIdsOfLatestVersion,
  hasList,
  latestListVersionRow,
  listHeadlines,
  listsInForce,
  saveListVersion,
  type ListVersionInput,
} from '../../src/server/store/shortageListStore.ts';
import { testDrug } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const version = (effectiveDate: string, drugIds: string[]): ListVersionInput => ({
  listKey: 'national-shortage', kind: 'shortage', scope: 'national', regionCode: null, title: '国家短缺药品清单', issuer: '国家卫生健康委',
  docNumber: null, effectiveDate, sourceUrl: null, isDemo: false,
  entries: drugIds.map((drugId) => ({ drugId, rawName: drugId, rawForm: null, note: null })),
});

describeStores('shortageListStore', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  test('numbers versions per list and flags drugs only from the latest version in force', async () => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W001', '甲'), testDrug('W002', '乙')]);
    const first = await saveListVersion(t.store, version('2026-01-01', ['W001']));
    const second = await saveListVersion(t.store, version('2026-06-01', ['W002']));
    await saveListVersion(t.store, version('2099-01-01', ['W001', 'W002']));
    expect(first).toEqual({ id: expect.any(Number), version: 1 });
    expect(second.version).toBe(2);
    const inForce = await listsInForce(t.store, '2026-07-01');
    expect(inForce).toMatchObject([{ listKey: 'national-shortage', listId: second.id, version: 2, isDemo: false }]);
    expect(await hasList(t.store, 'national-shortage')).toBe(true);
    expect((await listHeadlines(t.store)).map((h) => h.entryCount)).toEqual([1]);
    expect((await loadDrug(t.store, 'W002'))?.flags.lists.map((l) => l.version)).toEqual([2]);
    expect((await loadDrug(t.store, 'W001'))?.flags.lists).toEqual([]);
  });

  test('loads a demo list once, labelled as demo', async () => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W078', '布洛芬')]);
    const spec = { listKey: 'demo-monitoring', kind: 'monitoring', scope: 'city', regionCode: '3602', title: '示例清单', issuer: '示例', docNumber: null, effectiveDate: '2026-01-01', sourceUrl: null, genericNames: ['布洛芬', '不存在的药'] } as const;
    await saveDemoList(t.store, { ...spec, genericNames: [...spec.genericNames] }, new Date());
    await saveDemoList(t.store, { ...spec, genericNames: [...spec.genericNames] }, new Date());
    const drug = await loadDrug(t.store, 'W078');
    expect(drug?.flags.lists).toMatchObject([{ listKey: 'demo-monitoring', version: 1, isDemo: true }]);
  });
});

describeStores('shortage list imports, published once', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  const header = (at: string) => ({
    list_key: 'national-shortage', region_code: '36', meta_json: '{}', file_name: 'list.csv', file_sha256: 'x', status: 'pending' as const,
    created_by: null, created_by_username: 'jx.data', published_list_id: null, created_at: at, updated_at: at,
  });

  test('claims a pending import once, links its version, and never claims a discarded one', async () => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W001', '甲'), testDrug('W002', '乙')]);
    const now = new Date('2026-12-06T02:00:00Z');
    const importId = await t.store.transaction().execute((trx) => insertListImport(trx, header(now.toISOString()), []));
    const discarded = await t.store.transaction().execute((trx) => insertListImport(trx, header(now.toISOString()), []));
    expect(await drugIdsOfLatestVersion(t.store, 'national-shortage')).toEqual([]);

    expect(await claimListImportForPublish(t.store, importId, now)).toBe(true);
    expect(await claimListImportForPublish(t.store, importId, now)).toBe(false);
    const saved = await saveListVersion(t.store, version('2026-12-01', ['W002', 'W001']));
    await linkPublishedList(t.store, importId, saved.id);
    expect(await listImportHeader(t.store, importId)).toMatchObject({ status: 'published', published_list_id: saved.id });
    expect(await latestListVersionRow(t.store, 'national-shortage')).toMatchObject({ id: saved.id, version: 1 });
    expect((await drugIdsOfLatestVersion(t.store, 'national-shortage')).sort()).toEqual(['W001', 'W002']);

    await markListImportDiscarded(t.store, discarded, now);
    expect(await claimListImportForPublish(t.store, discarded, now)).toBe(false);
    expect(await listImportHeader(t.store, discarded)).toMatchObject({ status: 'discarded' });
  });
});
