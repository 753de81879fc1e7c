import { createHash } from 'node:crypto';
import { reportInputSchema } from '../../domain/reports/reportInput.ts';
import { rt } from '../../i18n/reports.zh-CN.ts';
import { type RateLimiter, rateLimiter } from '../http/rateLimit.ts';
import type { Portal } from '../portal.ts';
import type { CitizenReportTable } from '../store/reportSchema.ts';
import { findReportByIdempotencyKey, recordReport } from '../store/reportStore.ts';
import { checkReportChallenge } from './reportChallenge.ts';
import { reportKeys } from './reportKeys.ts';
import { placeOfReport } from './reportPlace.ts';
import { metrics } from '../observability/metrics.ts';

/** A submission as it arrives, from the JSON API or the form: fields not yet trusted. */
export interface ReportSubmission {
  fields: Record<string, unknown>;
  idempotencyKey: string | null | undefined;
  channel: CitizenReportTable['channel'];
  clientAddress: string;
  /** The report_device cookie, when the browser has one; API clients without it are known by address. */
  deviceId: string | null | undefined;
  now?: Date;
}

export type SubmissionOutcome =
  | { ok: true; created: boolean; trackingNumber: string; checkCode: string; statusUrl: string }
  | { ok: false; status: number; code: string; message: string; field?: string; fieldErrors?: Record<string, string> };

/** Keys are what clients generate: a UUID or 16–100 URL-safe characters, never something guessable like 1. */
export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{16,100}$/;

const hour = 3_600_000;
// The no-JavaScript form carries no proof of work; a tighter limit per address is what stands in for it.
const noscriptPerIpPerHour = 5;

interface Limits {
  ip: RateLimiter;
  device: RateLimiter;
  noscript: RateLimiter;
}
const limitsByPortal = new WeakMap<Portal, Limits>();

function limitsOf(portal: Portal): Limits {
  let limits = limitsByPortal.get(portal);
  if (!limits) {
    limits = {
      ip: rateLimiter(portal.store, 'report.ip', portal.config.REPORTS_PER_IP_PER_HOUR, hour),
      device: rateLimiter(portal.store, 'report.device', portal.config.REPORTS_PER_DEVICE_PER_HOUR, hour),
      noscript: rateLimiter(portal.store, 'report.noscript', Math.min(noscriptPerIpPerHour, portal.config.REPORTS_PER_IP_PER_HOUR), hour),
    };
    limitsByPortal.set(portal, limits);
  }
  return limits;
}

const refuse = (status: number, code: string, message: string, field?: string): SubmissionOutcome => ({
  ok: false,
  status,
  code,
  message,
  ...(field ? { field } : {}),
});

export function statusUrlFor(trackingNumber: string): string {
  return `/report/status?number=${encodeURIComponent(trackingNumber)}`;
}

/**
 * Takes one citizen report: validates it, answers a retry of an earlier submission with that submission's
 * answer, applies the honeypot, rate limits and the proof of work, then stores it durably and only then
 * acknowledges. Order matters: a retry is answered before the limits, so a double tap is never refused.
 */
export async function submitReport(portal: Portal, s: ReportSubmission): Promise<SubmissionOutcome> {
  const now = s.now ?? new Date();
  const key = s.idempotencyKey ?? '';
  if (!idempotencyKeyPattern.test(key)) return refuse(400, 'invalid_idempotency_key', rt('error.idempotencyKey'));
  if (typeof s.fields.website === 'string' && s.fields.website !== '') return refuse(400, 'rejected', rt('error.rejected'));

  const parsed = reportInputSchema(now).safeParse(s.fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? '')] ??= issue.message;
    const [field, message] = Object.entries(fieldErrors)[0] ?? ['', rt('error.rejected')];
    return { ok: false, status: 400, code: 'invalid_parameter', message, field, fieldErrors };
  }
  const input = parsed.data;
  const keys = reportKeys(portal.config.DATA_DIR);
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const acknowledge = (trackingNumber: string, created: boolean): SubmissionOutcome => ({
    ok: true,
    created,
    trackingNumber,
    checkCode: keys.checkCodeFor(key),
    statusUrl: statusUrlFor(trackingNumber),
  });
  const answered = async (trackingNumber: string, hash: string, created: boolean) =>
    hash === requestHash ? acknowledge(trackingNumber, created) : refuse(422, 'idempotency_key_reused', rt('error.idempotencyKeyReused'));

  const earlier = await findReportByIdempotencyKey(portal.store, key);
  if (earlier) return answered(earlier.trackingNumber, earlier.requestHash, false);

  const limits = limitsOf(portal);
  const device = s.deviceId ? `device:${s.deviceId}` : `ip:${s.clientAddress}`;
  const ipLimit = s.channel === 'noscript' ? limits.noscript : limits.ip;
  if ((await ipLimit.exhausted(s.clientAddress)) || (await limits.device.exhausted(device))) return refuse(429, 'rate_limited', rt('error.rateLimited'));

  let challenge: { signature: string; expiresAt: string } | null = null;
  if (s.channel !== 'noscript') {
    const checked = checkReportChallenge(s.fields.altcha, keys.challengeKey);
    if (!checked.ok) {
      return checked.code === 'challenge_missing'
        ? refuse(400, 'challenge_missing', rt('error.challengeMissing'), 'altcha')
        : refuse(403, 'challenge_failed', rt('error.challengeFailed'), 'altcha');
    }
    challenge = { signature: checked.signature, expiresAt: checked.expiresAt };
  }

  const place = await placeOfReport(portal.store, input);
  if (!place.ok) return { ok: false, status: 400, code: 'invalid_parameter', message: place.message, field: place.field, fieldErrors: { [place.field]: place.message } };

  const outcome = await recordReport(portal.store, {
    input,
    countyCode: place.countyCode,
    cityPrefix: place.cityPrefix,
    idempotencyKey: key,
    requestHash,
    checkCodeHash: keys.checkCodeHash(keys.checkCodeFor(key)),
    deviceHash: keys.deviceHash(device),
    channel: s.channel,
    challenge,
    receivedAt: now,
  });
  if (outcome.kind === 'challenge_replayed') return refuse(403, 'challenge_replayed', rt('error.challengeReplayed'), 'altcha');
  if (outcome.kind === 'existing') return answered(outcome.report.trackingNumber, outcome.report.requestHash, false);
  // Only stored reports count against the limits: a refused or invalid attempt costs the honest user nothing.
  await ipLimit.take(s.clientAddress);
  await limits.device.take(device);
  metrics().reportsReceived.inc();
  return acknowledge(outcome.report.trackingNumber, true);
}
