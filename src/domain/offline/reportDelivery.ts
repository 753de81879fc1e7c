/**
 * A report written without signal waits on the phone and is sent later. What the answer to a send means for
 * the waiting report is a rule of its own: keep it and try again, drop it as delivered, or give it back to the
 * citizen because the portal will never take it as written.
 */

export interface QueuedReport {
  /** The form's idempotency key: however often the phone retries, the portal stores one report. */
  idempotencyKey: string;
  /** The form's fields as typed (seenAt already in ISO with its +08:00), without the proof of work. */
  fields: Record<string, string>;
  queuedAt: string;
}

export interface ReportAcknowledgement {
  trackingNumber: string;
  /** Personal: opens the report's status. Kept only in the phone's IndexedDB until the citizen has seen it. */
  checkCode: string;
  statusUrl: string;
}

export type DeliveryOutcome =
  | { kind: 'delivered'; acknowledgement: ReportAcknowledgement }
  | { kind: 'retry'; reason: string }
  | { kind: 'refused'; message: string; field?: string };

// A spent or expired proof of work, a rate limit or a server fault pass: the next attempt solves a fresh
// challenge, waits, or meets a mended server. Everything else is about the report itself.
const passingCodes = new Set(['challenge_missing', 'challenge_failed', 'challenge_replayed', 'rate_limited']);

function isAcknowledgement(body: unknown): body is ReportAcknowledgement {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return typeof b.trackingNumber === 'string' && typeof b.checkCode === 'string' && typeof b.statusUrl === 'string';
}

/** Reads the answer of POST /api/reports (status and parsed JSON body, or null when it was not JSON). */
export function deliveryOutcome(status: number, body: unknown): DeliveryOutcome {
  if ((status === 200 || status === 201) && isAcknowledgement(body)) {
    const { trackingNumber, checkCode, statusUrl } = body;
    return { kind: 'delivered', acknowledgement: { trackingNumber, checkCode, statusUrl } };
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : '';
  if (status >= 500 || status === 408 || passingCodes.has(code) || !code) return { kind: 'retry', reason: code || `http_${status}` };
  const message = typeof error?.message === 'string' ? error.message : '提交未被接受';
  return typeof error?.field === 'string' ? { kind: 'refused', message, field: error.field } : { kind: 'refused', message };
}
