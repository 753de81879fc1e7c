import { type AlertArea, pointAreaLabel } from '../../domain/alerts/watchArea.ts';
import { alertAtMostEveryHours, backInStockStep, backInStockTitle, freshInStockFacilities } from '../../domain/alerts/backInStock.ts';
import { staleAfterHours } from '../../domain/stock/freshness.ts';
import { formatShanghaiDate } from '../../domain/time/shanghaiTime.ts';
import { newsItem, untoldNews } from '../../domain/alerts/drugNews.ts';
import {
  type AlertSubscription,
  alertSubscriptions,
  drugNewsSince,
  inStockFactsNear,
  markAlertAvailable,
  markAlertUnavailable,
  recordDrugNews,
} from '../store/alertStore.ts';
import { loadDrug } from '../store/drugStore.ts';
import { type AlertItemText, type AlertMailDelivery, mailAlertItems } from './alertMailing.ts';
import type { Store } from '../store/openStore.ts';
import { loadRegions } from '../store/regionStore.ts';

/** How an area is named to the citizen: the county's name, or the radius around their point. */
export function areaLabel(area: AlertArea, countyNames: ReadonlyMap<string, string>): string {
  return area.kind === 'county' ? (countyNames.get(area.countyCode) ?? area.countyCode) : pointAreaLabel(area.radiusKm);
}

export async function countyNames(store: Store): Promise<Map<string, string>> {
  return new Map((await loadRegions(store)).map((r) => [r.code, r.name]));
}

interface DrugFacts {
  name: string;
  onShortageList: boolean;
}

/** The fresh 有货 facilities of the subscription's drug in its area now. */
export async function freshInStockFor(store: Store, drug: DrugFacts, drugId: string, area: AlertArea, now: Date): Promise<string[]> {
  // Nothing older than the loosest freshness window can count, so the query need not read it.
  const since = new Date(now.getTime() - staleAfterHours * 3_600_000);
  const facts = await inStockFactsNear(store, drugId, area, since);
  return freshInStockFacilities(facts, area, now, formatShanghaiDate(now), drug.onShortageList);
}

export async function drugFacts(store: Store, drugId: string): Promise<DrugFacts | undefined> {
  const drug = await loadDrug(store, drugId);
  return drug ? { name: drug.genericName, onShortageList: drug.flags.lists.length > 0 } : undefined;
}

/**
 * Looks at every subscription once: adds a back-in-stock item where the drug came back to fresh 有货 in the
 * area since the last look, and an item for each shortage list version or clarification about it since then. Run after each stock import and on the schedule (staleness changes with time
 * alone). Idempotent: a second run at once adds nothing. Returns how many items it added.
 */
export async function evaluateAlerts(store: Store, now: Date, mail?: AlertMailDelivery): Promise<number> {
  const subscriptions = await alertSubscriptions(store);
  if (subscriptions.length === 0) return 0;
  const names = await countyNames(store);
  const drugs = new Map<string, DrugFacts | undefined>();
  let added = 0;
  for (const sub of subscriptions) {
    if (!drugs.has(sub.drugId)) drugs.set(sub.drugId, await drugFacts(store, sub.drugId));
    const drug = drugs.get(sub.drugId);
    if (!drug) continue;
    const back = await evaluateOne(store, sub, drug, names, now);
    const items = [...(back ? [back] : []), ...(await tellNews(store, sub, drug, now))];
    added += items.length;
    if (mail && sub.mail && items.length > 0) await mailAlertItems(mail, sub.mail, items);
  }
  return added;
}

/** A shortage list version naming the drug, a clarification about it: each told once, after the subscription. */
async function tellNews(store: Store, sub: AlertSubscription, drug: DrugFacts, now: Date): Promise<AlertItemText[]> {
  const news = untoldNews(await drugNewsSince(store, sub.drugId, sub.newsCheckedAt, now), sub.newsCheckedAt);
  if (news.length === 0) return [];
  const items = news.map((n) => newsItem(drug.name, n));
  return (await recordDrugNews(store, sub.id, sub.newsCheckedAt, now.toISOString(), items)) > 0 ? items : [];
}

/** The back-in-stock item this look added, if any. */
async function evaluateOne(store: Store, sub: AlertSubscription, drug: DrugFacts, names: ReadonlyMap<string, string>, now: Date): Promise<AlertItemText | null> {
  const fresh = await freshInStockFor(store, drug, sub.drugId, sub.area, now);
  const step = backInStockStep(sub, fresh.length, now);
  if (!step.available) {
    if (sub.wasAvailable) await markAlertUnavailable(store, sub.id);
    return null;
  }
  if (!step.alert) {
    if (!sub.wasAvailable) await markAlertAvailable(store, sub.id, null);
    return null;
  }
  const area = areaLabel(sub.area, names);
  const item = {
    title: backInStockTitle(drug.name, area, fresh.length),
    summary: `${area}有 ${fresh.length} 家医疗机构或药店报告${drug.name}有货（${alertAtMostEveryHours} 小时内最多提醒一次）。出发前请先电话确认。`,
  };
  const added = await markAlertAvailable(store, sub.id, { ...item, at: now, restedSince: new Date(now.getTime() - alertAtMostEveryHours * 3_600_000) });
  return added ? item : null;
}
