import { webhookBackoffMs, webhookHeaders, webhookMaxAttempts } from '../../domain/webhooks/webhookSignature.ts';
import type { Store } from '../store/openStore.ts';
import { caseEventsAfter, dueWebhookEndpoints, recordWebhookAttempt } from '../store/webhookStore.ts';

export type WebhookFetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ status: number }>;

type CaseEventRow = Awaited<ReturnType<typeof caseEventsAfter>>[number];

/** The Standard Webhooks payload `{ type, timestamp, data }`; the id is stable across retries. */
export function caseEventMessage(e: CaseEventRow): { id: string; body: string } {
  const body = JSON.stringify({
    type: `report_case.${e.kind}`,
    timestamp: e.at,
    data: {
      caseId: e.case_id,
      kind: e.kind,
      at: e.at,
      drugId: e.drug_id,
      drugName: e.drug_name,
      countyCode: e.county_code,
      facilityId: e.facility_id,
      publicNote: e.public_note,
      detail: e.detail_json ? JSON.parse(e.detail_json) : null,
    },
  });
  return { id: `evt_case_${e.id}`, body };
}

const batch = 50;
const timeoutMs = 10_000;

/**
 * One pass of the outbox: each due endpoint gets the events after its cursor, in order, until one fails; a
 * failure waits out its back-off (the events behind it wait too, which keeps each case's events in order),
 * and after webhookMaxAttempts the event is dead-lettered and the cursor moves on. Runs under the job lease,
 * so one dispatcher at a time; at-least-once, since a crash between the POST and the log resends that event.
 */
export async function deliverWebhooks(store: Store, now: Date, send: WebhookFetch = fetch as unknown as WebhookFetch): Promise<number> {
  let delivered = 0;
  for (const endpoint of await dueWebhookEndpoints(store, now)) {
    let cursor = endpoint.last_event_id;
    let failures = endpoint.attempts;
    for (const event of await caseEventsAfter(store, cursor, batch)) {
      const message = caseEventMessage(event);
      let status: number | null = null;
      let error: string | null = null;
      try {
        const headers = { 'content-type': 'application/json', ...webhookHeaders(endpoint.secret, message.id, now, message.body) };
        status = (await send(endpoint.url, { method: 'POST', headers, body: message.body, signal: AbortSignal.timeout(timeoutMs) })).status;
      } catch (e) {
        error = e instanceof Error ? e.message.slice(0, 200) : 'error';
      }
      const attempt = failures + 1;
      const ok = status !== null && status >= 200 && status < 300;
      const dead = !ok && attempt >= webhookMaxAttempts;
      const outcome = ok ? 'delivered' : dead ? 'dead' : 'failed';
      const next = ok || dead ? { lastEventId: event.id, attempts: 0, nextAttemptAt: null } : { lastEventId: cursor, attempts: attempt, nextAttemptAt: new Date(now.getTime() + webhookBackoffMs(attempt)).toISOString() };
      const logged = await recordWebhookAttempt(
        store,
        { endpoint_id: endpoint.id, event_id: event.id, attempt, at: now.toISOString(), outcome, status_code: status, error: error ?? (ok ? null : `HTTP ${status}`) },
        cursor,
        next,
      );
      if (!logged || outcome === 'failed') break;
      if (ok) delivered += 1;
      cursor = event.id;
      failures = 0;
    }
  }
  return delivered;
}
