import { type DeliveryOutcome, deliveryOutcome, type QueuedReport, type ReportAcknowledgement } from '../domain/offline/reportDelivery.ts';
import { outboxStore, put, readAll, remove } from './deviceStore.ts';
import { type ChallengeSolver, solveOnThisThread, solveReportChallenge } from './solveReportChallenge.ts';

/**
 * Reports written without signal: kept on the phone with their idempotency key and sent when the connection
 * returns — by the service worker's Background Sync where the browser has it, otherwise by any page on the
 * next `online` event or the next start. The key makes the portal store one report however often it is sent;
 * a Web Lock keeps the pages and the worker from sending the same one at the same moment.
 */
export type OutboxEntry = QueuedReport &
  (
    | { state: 'queued' }
    | { state: 'delivered'; acknowledgement: ReportAcknowledgement }
    | { state: 'refused'; message: string; field?: string }
  );

export const outboxSyncTag = 'report-outbox';
/** Pages and the worker tell each other that the outbox changed, so every open page shows the same state. */
export const outboxChannel = 'report-outbox';

function announceChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(outboxChannel);
  channel.postMessage('changed');
  channel.close();
}

export async function queueReport(report: QueuedReport): Promise<void> {
  await put<OutboxEntry>(outboxStore, { ...report, state: 'queued' });
  announceChange();
  // Background Sync sends it even when the citizen has closed the page by the time signal returns.
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
  const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
  await sync?.register(outboxSyncTag).catch(() => undefined);
}

export function outboxEntries(): Promise<OutboxEntry[]> {
  return readAll<OutboxEntry>(outboxStore);
}

/** The citizen has seen the acknowledgement (or the refusal): nothing of the report stays on the phone. */
export async function forgetReport(idempotencyKey: string): Promise<void> {
  await remove(outboxStore, idempotencyKey);
  announceChange();
}

async function sendOnce(report: QueuedReport, solve: ChallengeSolver): Promise<DeliveryOutcome> {
  const altcha = await solveReportChallenge(solve);
  const response = await fetch('/api/reports', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'idempotency-key': report.idempotencyKey },
    body: JSON.stringify({ ...report.fields, altcha }),
  });
  return deliveryOutcome(response.status, await response.json().catch(() => null));
}

async function deliverAll(solve: ChallengeSolver): Promise<boolean> {
  let allSent = true;
  for (const entry of await outboxEntries()) {
    if (entry.state !== 'queued') continue;
    // A network failure throws out of here: the report stays queued for the next chance.
    const outcome = await sendOnce(entry, solve);
    const { idempotencyKey, fields, queuedAt } = entry;
    if (outcome.kind === 'delivered') await put<OutboxEntry>(outboxStore, { idempotencyKey, fields, queuedAt, state: 'delivered', acknowledgement: outcome.acknowledgement });
    else if (outcome.kind === 'refused') await put<OutboxEntry>(outboxStore, { idempotencyKey, fields, queuedAt, state: 'refused', message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) });
    else allSent = false;
    announceChange();
  }
  return allSent;
}

/**
 * Sends every queued report; resolves false when some must wait for a later try (offline, limited, faulty).
 * Pages pass a solver that works off their main thread; the service worker solves on its own.
 */
export async function deliverQueuedReports(solve: ChallengeSolver = solveOnThisThread): Promise<boolean> {
  const attempt = () => deliverAll(solve).catch(() => false);
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(outboxSyncTag, attempt);
  return attempt();
}
