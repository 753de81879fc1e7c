import type { APIContext } from 'astro';
import { rt } from '../../i18n/reports.zh-CN.ts';
import { apiError, json } from '../http/apiResponse.ts';
import { clientAddressOf } from '../http/clientAddress.ts';
import { portal } from '../portal.ts';
import { sentReportDeviceId } from './reportDevice.ts';
import { submitReport } from './reportIntake.ts';
import { lookupReportStatus } from './reportStatus.ts';

/** A report is a few hundred bytes; anything past this is not one. */
export const maxReportBodyBytes = 16 * 1024;

/** What POST /api/reports needs of a request, read by the Astro route or by the edge's fast lane. */
export interface ReportPost {
  /** The body as text, or null when it was longer than maxReportBodyBytes. */
  body: string | null;
  idempotencyKey: string | null;
  clientAddress: string;
  /** The report_device cookie as sent, already checked to be one (null otherwise). */
  deviceId: string | null;
}

/**
 * POST /api/reports: 201 with the acknowledgement, 200 with the same one for a repeated Idempotency-Key. Written
 * once: the Astro route calls it, and so does the fast lane in front of Astro (portalHandler.ts).
 */
export async function reportPostResponse(post: ReportPost): Promise<Response> {
  if (post.body === null || post.body.length > maxReportBodyBytes) return apiError(413, 'too_large', rt('error.rejected'));
  let fields: unknown;
  try {
    fields = JSON.parse(post.body);
  } catch {
    return apiError(400, 'invalid_json', rt('error.invalidJson'));
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return apiError(400, 'invalid_json', rt('error.invalidJson'));
  const outcome = await submitReport(await portal(), {
    fields: fields as Record<string, unknown>,
    idempotencyKey: post.idempotencyKey,
    channel: 'api',
    clientAddress: post.clientAddress,
    deviceId: post.deviceId,
  });
  if (!outcome.ok) return apiError(outcome.status, outcome.code, outcome.message, outcome.field);
  const { trackingNumber, checkCode, statusUrl } = outcome;
  return json({ trackingNumber, checkCode, statusUrl }, { status: outcome.created ? 201 : 200 });
}

export async function postReport(context: APIContext): Promise<Response> {
  return reportPostResponse({
    body: await context.request.text(),
    idempotencyKey: context.request.headers.get('idempotency-key'),
    clientAddress: clientAddressOf(context).source,
    deviceId: sentReportDeviceId(context.cookies),
  });
}

/** GET /api/reports/{trackingNumber}?code=: the public timeline; one 404 for unknown numbers and wrong codes. */
export async function getReportStatus(context: APIContext): Promise<Response> {
  const found = await lookupReportStatus(
    await portal(),
    context.params.trackingNumber ?? '',
    context.url.searchParams.get('code') ?? '',
    clientAddressOf(context).source,
  );
  if (!found.ok) {
    return found.reason === 'rate_limited'
      ? apiError(429, 'too_many_attempts', rt('error.statusRateLimited'))
      : apiError(404, 'not_found', rt('error.statusNotFound'));
  }
  return json(found.view);
}
