import type { Store } from './openStore.ts';
import type { WebhookDeliveryTable } from './schema.ts';

export async function addWebhookEndpoint(store: Store, e: { name: string; url: string; secret: string; at: string }) {
  return store.insertInto('webhook_endpoints').values({ name: e.name, url: e.url, secret: e.secret, next_attempt_at: null, created_at: e.at, disabled_at: null }).returning('id').executeTakeFirstOrThrow();
}

export async function disableWebhookEndpoint(store: Store, id: number, at: string): Promise<void> {
  await store.updateTable('webhook_endpoints').set({ disabled_at: at }).where('id', '=', id).execute();
}

export async function listWebhookEndpoints(store: Store) {
  return store.selectFrom('webhook_endpoints').select(['id', 'name', 'url', 'last_event_id', 'attempts', 'next_attempt_at', 'created_at', 'disabled_at']).orderBy('id').execute();
}

/** Enabled endpoints not waiting out a back-off at `now`. */
export async function dueWebhookEndpoints(store: Store, now: Date) {
  return store
    .selectFrom('webhook_endpoints')
    .select(['id', 'url', 'secret', 'last_event_id', 'attempts'])
    .where('disabled_at', 'is', null)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now.toISOString())]))
    .orderBy('id')
    .execute();
}

/** Case timeline events after an endpoint's cursor, with what a receiver needs to place them. */
export async function caseEventsAfter(store: Store, lastEventId: number, limit: number) {
  return store
    .selectFrom('report_case_events as e')
    .innerJoin('report_cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.case_id', 'e.kind', 'e.at', 'e.public_note', 'e.detail_json', 'c.drug_id', 'c.drug_name', 'c.county_code', 'c.facility_id'])
    .where('e.id', '>', lastEventId)
    .orderBy('e.id')
    .limit(limit)
    .execute();
}

/**
 * Logs one attempt and moves the endpoint's cursor or back-off, in one transaction, conditional on the cursor
 * it read (a second dispatcher that raced would change nothing).
 */
export async function recordWebhookAttempt(
  store: Store,
  attempt: Omit<WebhookDeliveryTable, 'id'>,
  expectedCursor: number,
  next: { lastEventId: number; attempts: number; nextAttemptAt: string | null },
): Promise<boolean> {
  return store.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('webhook_endpoints')
      .set({ last_event_id: next.lastEventId, attempts: next.attempts, next_attempt_at: next.nextAttemptAt })
      .where('id', '=', attempt.endpoint_id)
      .where('last_event_id', '=', expectedCursor)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) return false;
    await trx.insertInto('webhook_deliveries').values(attempt).execute();
    return true;
  });
}

/** The delivery log, newest first; with `outcome: 'dead'` the dead-letter view. */
export async function webhookDeliveryLog(store: Store, filter: { outcome?: WebhookDeliveryTable['outcome']; limit: number }) {
  let q = store
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as w', 'w.id', 'd.endpoint_id')
    .select(['d.id', 'd.event_id', 'd.attempt', 'd.at', 'd.outcome', 'd.status_code', 'd.error', 'w.name as endpoint_name']);
  if (filter.outcome) q = q.where('d.outcome', '=', filter.outcome);
  return q.orderBy('d.id', 'desc').limit(filter.limit).execute();
}
