import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { AlertMail } from '../../src/server/alerts/alertMail.ts';
import { evaluateAlerts } from '../../src/server/alerts/alertEvaluation.ts';
import { subscribeToAlerts, subscriptionOfToken, unsubscribeFromAlerts } from '../../src/server/alerts/alertSubscriptions.ts';
import { alertItemsOf, alertSubscriptions } from '../../src/server/store/alertStore.ts';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../src/server/store/facilityStore.ts';
import { saveRegions } from '../../src/server/store/regionStore.ts';
import { saveListVersion } from '../../src/server/store/shortageListStore.ts';
import { saveStockReports } from '../../src/server/store/stockStore.ts';
import { jingdezhenRegions, testDrug, testFacility, testReport } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const hoursBefore = (at: Date, hours: number) => new Date(at.getTime() - hours * 3_600_000);
const start = new Date('2026-12-06T02:00:00Z');
// The server secret behind mailed tokens lives in the data directory.
const dataDir = mkdtempSync(join(tmpdir(), 'alerts-test-'));

describeStores('back-in-stock alerts', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  async function portalWithDrug() {
    t = await open();
    await saveRegions(t.store, jingdezhenRegions());
    await saveCatalogue(t.store, [testDrug('W078', '布洛芬')]);
    // 珠山区 360203: one pharmacy in the centre, one 30 km out in 浮梁县 360222.
    await saveFacilities(t.store, [
      testFacility('P-1', { countyCode: '360203', lat: 29.3, lng: 117.2 }),
      testFacility('P-2', { countyCode: '360222', lat: 29.57, lng: 117.2 }),
    ]);
    await saveStockReports(t.store, [testReport('P-1', 'W078', hoursBefore(start, 2).toISOString(), { status: 'out' })], 'test');
    const subscribed = await subscribeToAlerts(t.store, { drugId: 'W078', region: '360203' }, start, dataDir);
    if (!subscribed.ok) throw new Error(subscribed.message);
    const subscription = await subscriptionOfToken(t.store, subscribed.token);
    if (!subscription) throw new Error('subscription not stored');
    return { store: t.store, token: subscribed.token, id: subscription.id };
  }

  test('adds one item when the drug comes back to fresh 有货 in the area, and none on a repeated look', async () => {
    const { store, id } = await portalWithDrug();
    expect(await evaluateAlerts(store, start)).toBe(0);
    const back = new Date(start.getTime() + 3_600_000);
    await saveStockReports(store, [testReport('P-1', 'W078', back.toISOString())], 'import:test.csv');
    expect(await evaluateAlerts(store, back)).toBe(1);
    expect(await evaluateAlerts(store, new Date(back.getTime() + 60_000))).toBe(0);
    const items = await alertItemsOf(store, id);
    expect(items.map((i) => i.title)).toEqual(['布洛芬：珠山区现在有 1 家有货']);
  });

  test('adds nothing for a 有货 report that is already stale', async () => {
    const { store, id } = await portalWithDrug();
    await saveStockReports(store, [testReport('P-1', 'W078', hoursBefore(start, 1).toISOString())], 'test');
    // Seen 73 hours later, the same report says nothing about today's shelf.
    expect(await evaluateAlerts(store, new Date(start.getTime() + 73 * 3_600_000))).toBe(0);
    expect(await alertItemsOf(store, id)).toEqual([]);
  });

  test('adds nothing for stock outside the area', async () => {
    const { store, id } = await portalWithDrug();
    await saveStockReports(store, [testReport('P-2', 'W078', start.toISOString())], 'test');
    expect(await evaluateAlerts(store, start)).toBe(0);
    expect(await alertItemsOf(store, id)).toEqual([]);
  });

  test('alerts at most once a day, however often the drug goes and comes back', async () => {
    const { store, id } = await portalWithDrug();
    const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
    const report = (hours: number, status: 'in_stock' | 'out') => saveStockReports(store, [testReport('P-1', 'W078', at(hours).toISOString(), { status })], 'test');
    await report(1, 'in_stock');
    expect(await evaluateAlerts(store, at(1))).toBe(1);
    await report(2, 'out');
    expect(await evaluateAlerts(store, at(2))).toBe(0);
    await report(3, 'in_stock');
    expect(await evaluateAlerts(store, at(3))).toBe(0);
    await report(30, 'out');
    await evaluateAlerts(store, at(30));
    await report(31, 'in_stock');
    expect(await evaluateAlerts(store, at(31))).toBe(1);
    expect(await alertItemsOf(store, id)).toHaveLength(2);
  });

  test('a point and radius area counts the pharmacy inside the circle only', async () => {
    const { store } = await portalWithDrug();
    const near = await subscribeToAlerts(store, { drugId: 'W078', lat: '29.57', lng: '117.21', radius: '5' }, start, dataDir);
    if (!near.ok) throw new Error(near.message);
    await saveStockReports(store, [testReport('P-2', 'W078', start.toISOString())], 'test');
    expect(await evaluateAlerts(store, start)).toBe(1);
    const nearId = (await subscriptionOfToken(store, near.token))?.id ?? -1;
    expect((await alertItemsOf(store, nearId))[0]?.title).toBe('布洛芬：您的位置附近 5 公里内现在有 1 家有货');
  });

  test('unsubscribing erases the subscription and its items; the token then opens nothing', async () => {
    const { store, token, id } = await portalWithDrug();
    await saveStockReports(store, [testReport('P-1', 'W078', start.toISOString())], 'test');
    await evaluateAlerts(store, start);
    expect(await alertItemsOf(store, id)).toHaveLength(1);
    expect(await unsubscribeFromAlerts(store, token)).toBe(true);
    expect(await alertSubscriptions(store)).toEqual([]);
    expect(await alertItemsOf(store, id)).toEqual([]);
    expect(await subscriptionOfToken(store, token)).toBeUndefined();
    expect(await unsubscribeFromAlerts(store, token)).toBe(false);
  });

  test('refuses a subscription without an area, naming the field', async () => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W078', '布洛芬')]);
    expect(await subscribeToAlerts(t.store, { drugId: 'W078' }, start, dataDir)).toEqual({ ok: false, field: 'region', message: '请先选择县（市、区）或使用您的位置' });
    expect(await subscribeToAlerts(t.store, { drugId: 'X999', region: '360203' }, start, dataDir)).toEqual({ ok: false, field: 'drugId', message: '没有这个药品' });
  });

  test('tells a new shortage list version naming the drug once, and none from before the subscription', async () => {
    const { store, id } = await portalWithDrug();
    const list = (version: number) => ({
      listKey: 'city-shortage', kind: 'shortage', scope: 'city', regionCode: '3602', title: '景德镇市短缺药品清单', issuer: '市卫健委', docNumber: null,
      effectiveDate: '2026-12-01', sourceUrl: null, isDemo: false, entries: [{ drugId: 'W078', rawName: `布洛芬 ${version}`, rawForm: null, note: null }],
    }) as const;
    await saveListVersion(store, { ...list(1), entries: [...list(1).entries] }, hoursBefore(start, 1));
    expect(await evaluateAlerts(store, start)).toBe(0);
    const later = new Date(start.getTime() + 3_600_000);
    await saveListVersion(store, { ...list(2), entries: [...list(2).entries] }, later);
    expect(await evaluateAlerts(store, later)).toBe(1);
    expect(await evaluateAlerts(store, new Date(later.getTime() + 60_000))).toBe(0);
    expect(await alertItemsOf(store, id)).toMatchObject([{ kind: 'shortage_list_version', title: '布洛芬列入《景德镇市短缺药品清单》第2版', url_path: '/shortages?list=city-shortage' }]);
  });

  test('mails each new item with the subscription’s unsubscribe link through the configured sender, and nothing twice', async () => {
    const { store } = await portalWithDrug();
    const subscribed = await subscribeToAlerts(store, { drugId: 'W078', region: '360203', email: 'li.ming@example.cn' }, start, dataDir);
    if (!subscribed.ok) throw new Error(subscribed.message);
    const sent: AlertMail[] = [];
    const mail = { sender: { send: async (m: AlertMail) => void sent.push(m) }, dataDir, origin: 'https://yaopin.example.gov.cn' };
    await saveStockReports(store, [testReport('P-1', 'W078', start.toISOString())], 'test');
    await evaluateAlerts(store, start, mail);
    await evaluateAlerts(store, new Date(start.getTime() + 60_000), mail);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([['li.ming@example.cn', '布洛芬：珠山区现在有 1 家有货']]);
    expect(sent[0]?.text).toContain(`https://yaopin.example.gov.cn/alerts/${subscribed.token}#unsubscribe`);
    // The link's token is the feed's: unsubscribing with it erases the address too.
    expect(await unsubscribeFromAlerts(store, subscribed.token)).toBe(true);
    expect((await alertSubscriptions(store)).map((s) => s.mail)).toEqual([null]);
  });
});
