import type { AlertArea } from '../../domain/alerts/watchArea.ts';
import type { InStockFact } from '../../domain/alerts/backInStock.ts';
import type { DrugNews, NewsItem } from '../../domain/alerts/drugNews.ts';
import type { Store } from './openStore.ts';
import type { Selectable } from 'kysely';
import type { AlertSubscriptionTable } from './schema.ts';

/** Every query of back-in-stock alerts (migration 0040): subscriptions, their items, and the facts they watch. */
export interface AlertSubscription {
  id: number;
  drugId: string;
  area: AlertArea;
  wasAvailable: boolean;
  lastAlertAt: string | null;
  newsCheckedAt: string;
  /** E-mail delivery, when the citizen asked for it. */
  mail: { email: string; nonce: string } | null;
  createdAt: string;
}

function subscriptionFromRow(row: Selectable<AlertSubscriptionTable>): AlertSubscription {
  const area: AlertArea =
    row.lat !== null && row.lng !== null
      ? { kind: 'point', lat: row.lat, lng: row.lng, radiusKm: row.radius_km ?? 20 }
      : { kind: 'county', countyCode: row.county_code ?? '' };
  return { id: row.id, drugId: row.drug_id, area, wasAvailable: row.was_available === 1, lastAlertAt: row.last_alert_at, newsCheckedAt: row.news_checked_at, mail: row.email && row.mail_nonce ? { email: row.email, nonce: row.mail_nonce } : null, createdAt: row.created_at };
}

export async function insertAlertSubscription(
  store: Store,
  s: { tokenHash: string; drugId: string; area: AlertArea; wasAvailable: boolean; mail: { email: string; nonce: string } | null; now: Date },
): Promise<number> {
  const row = await store
    .insertInto('alert_subscriptions')
    .values({
      token_hash: s.tokenHash,
      drug_id: s.drugId,
      county_code: s.area.kind === 'county' ? s.area.countyCode : null,
      lat: s.area.kind === 'point' ? s.area.lat : null,
      lng: s.area.kind === 'point' ? s.area.lng : null,
      radius_km: s.area.kind === 'point' ? s.area.radiusKm : null,
      was_available: s.wasAvailable ? 1 : 0,
      last_alert_at: null,
      news_checked_at: s.now.toISOString(),
      email: s.mail?.email ?? null,
      mail_nonce: s.mail?.nonce ?? null,
      created_at: s.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function alertSubscriptionByTokenHash(store: Store, tokenHash: string): Promise<AlertSubscription | undefined> {
  const row = await store.selectFrom('alert_subscriptions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row ? subscriptionFromRow(row) : undefined;
}

export async function alertSubscriptions(store: Store): Promise<AlertSubscription[]> {
  const rows = await store.selectFrom('alert_subscriptions').selectAll().orderBy('id').execute();
  return rows.map(subscriptionFromRow);
}

/** Unsubscribing: the subscription and every item it received are gone; true when there was one. */
export async function eraseAlertSubscription(store: Store, id: number): Promise<boolean> {
  return store.transaction().execute(async (trx) => {
    await trx.deleteFrom('alert_items').where('subscription_id', '=', id).execute();
    const deleted = await trx.deleteFrom('alert_subscriptions').where('id', '=', id).executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  });
}

/** The drug went out of the area's fresh stock (or stayed out): remember it, so the next return can alert. */
export async function markAlertUnavailable(store: Store, id: number): Promise<void> {
  await store.updateTable('alert_subscriptions').set({ was_available: 0 }).where('id', '=', id).execute();
}

/**
 * Records that the drug is back, and adds the alert item when `alert` is given. Conditional on the state read
 * before, in one transaction, so that two evaluations at once (an import and the schedule) add one item.
 * Returns whether this call added it.
 */
export async function markAlertAvailable(
  store: Store,
  id: number,
  alert: { title: string; summary: string; at: Date; restedSince: Date } | null,
): Promise<boolean> {
  return store.transaction().execute(async (trx) => {
    if (!alert) {
      await trx.updateTable('alert_subscriptions').set({ was_available: 1 }).where('id', '=', id).execute();
      return false;
    }
    const updated = await trx
      .updateTable('alert_subscriptions')
      .set({ was_available: 1, last_alert_at: alert.at.toISOString() })
      .where('id', '=', id)
      .where('was_available', '=', 0)
      .where((eb) => eb.or([eb('last_alert_at', 'is', null), eb('last_alert_at', '<=', alert.restedSince.toISOString())]))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('alert_items')
      .values({ subscription_id: id, kind: 'back_in_stock', title: alert.title, summary: alert.summary, url_path: null, created_at: alert.at.toISOString() })
      .execute();
    return true;
  });
}

export async function alertItemsOf(store: Store, subscriptionId: number, limit = 50) {
  return store
    .selectFrom('alert_items')
    .select(['id', 'kind', 'title', 'summary', 'url_path', 'created_at'])
    .where('subscription_id', '=', subscriptionId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** 有货 reports of a drug since `since`, with their facility's place and closure, roughly within the area. */
export async function inStockFactsNear(store: Store, drugId: string, area: AlertArea, since: Date): Promise<InStockFact[]> {
  let query = store
    .selectFrom('stock_reports as s')
    .innerJoin('facilities as f', 'f.id', 's.facility_id')
    .leftJoin('facility_closures as c', 'c.facility_id', 's.facility_id')
    .select(['s.facility_id', 's.reported_at', 'f.county_code', 'f.lat', 'f.lng', 'c.closed_from'])
    .where('s.drug_id', '=', drugId)
    .where('s.status', '=', 'in_stock')
    .where('s.reported_at', '>=', since.toISOString());
  if (area.kind === 'county') query = query.where('f.county_code', '=', area.countyCode);
  else {
    // A bounding box in the query; the exact circle is the rule's (src/domain/alerts/backInStock.ts).
    const dLat = area.radiusKm / 111;
    const dLng = area.radiusKm / (111 * Math.max(0.1, Math.cos((area.lat * Math.PI) / 180)));
    query = query.where('f.lat', '>=', area.lat - dLat).where('f.lat', '<=', area.lat + dLat).where('f.lng', '>=', area.lng - dLng).where('f.lng', '<=', area.lng + dLng);
  }
  const rows = await query.execute();
  return rows.map((r) => ({ facilityId: r.facility_id, reportedAt: r.reported_at, countyCode: r.county_code, lat: r.lat, lng: r.lng, closedFrom: r.closed_from ?? null }));
}

/** Shortage list versions naming the drug and clarifications about it, published after `since` (and by `now`). */
export async function drugNewsSince(store: Store, drugId: string, since: string, now: Date): Promise<DrugNews[]> {
  const lists = await store
    .selectFrom('shortage_lists as l')
    .select(['l.list_key', 'l.title', 'l.version', 'l.created_at'])
    .where('l.created_at', '>', since)
    .where('l.id', 'in', (eb) => eb.selectFrom('shortage_list_entries').select('list_id').where('drug_id', '=', drugId))
    .execute();
  const nowIso = now.toISOString();
  const articles = await store
    .selectFrom('articles')
    .select(['title', 'permalink_year', 'permalink_slug', 'published_at', 'publish_at'])
    .where('kind', '=', 'clarification')
    .where('permalink_slug', 'is not', null)
    .where('id', 'in', (eb) => eb.selectFrom('article_drugs').select('article_id').where('drug_id', '=', drugId))
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'published'), eb('published_at', '>', since)]),
        eb.and([eb('state', '=', 'scheduled'), eb('publish_at', '>', since), eb('publish_at', '<=', nowIso)]),
      ]),
    )
    .execute();
  return [
    ...lists.map((l): DrugNews => ({ kind: 'shortage_list_version', listKey: l.list_key, title: l.title, version: l.version, at: l.created_at })),
    ...articles.map((a): DrugNews => ({ kind: 'clarification', title: a.title, year: a.permalink_year ?? 0, slug: a.permalink_slug ?? '', at: a.published_at ?? a.publish_at ?? nowIso })),
  ];
}

/**
 * Adds the news items and moves the subscription's news mark to `checkedAt`, only if the mark is still the
 * one read before (two evaluations at once add the items once). Returns how many items this call added.
 */
export async function recordDrugNews(store: Store, id: number, readMark: string, checkedAt: string, items: readonly NewsItem[]): Promise<number> {
  return store.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('alert_subscriptions')
      .set({ news_checked_at: checkedAt })
      .where('id', '=', id)
      .where('news_checked_at', '=', readMark)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0 || items.length === 0) return 0;
    await trx
      .insertInto('alert_items')
      .values(items.map((i) => ({ subscription_id: id, kind: i.kind, title: i.title, summary: i.summary, url_path: i.urlPath, created_at: checkedAt })))
      .execute();
    return items.length;
  });
}
