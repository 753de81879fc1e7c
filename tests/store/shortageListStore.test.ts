import { afterEach, expect, test } from 'vitest';
import { saveDemoList } from '../../src/server/store/demoListStore.ts';
import { loadDrug, saveCatalogue } from '../../src/server/store/drugStore.ts';
import { hasList, listHeadlines, listsInForce, saveListVersion, type ListVersionInput } from '../../src/server/store/shortageListStore.ts';
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
