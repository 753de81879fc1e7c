import type { APIContext } from 'astro';
import { rt } from '../../i18n/reports.zh-CN.ts';
import { apiError, json } from '../http/apiResponse.ts';
import { clientAddressOf } from '../http/clientAddress.ts';
import { portal } from '../portal.ts';
import { sentReportDeviceId } from './reportDevice.ts';
import { submitReport } from './reportIntake.ts';
import { lookupReportStatus } from './reportStatus.ts';

/** A report is a few hundred bytes; anything past this is not one. */
const maxBodyBytes = 16 * 1024;

/** POST /api/reports: 201 with the acknowledgement, 200 with the same one for a repeated Idempotency-Key. */
export async function postReport(context: APIContext): Promise<Response> {
  const text = await context.request.text();
  if (text.length > maxBodyBytes) return apiError(413, 'too_large', rt('error.rejected'));
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    return apiError(400, 'invalid_json', rt('error.invalidJson'));
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return apiError(400, 'invalid_json', rt('error.invalidJson'));
  const outcome = await submitReport(await portal(), {
    fields: fields as Record<string, unknown>,
    idempotencyKey: context.request.headers.get('idempotency-key'),
    channel: 'api',
    clientAddress: clientAddressOf(context).source,
    deviceId: sentReportDeviceId(context.cookies),
  });
  if (!outcome.ok) return apiError(outcome.status, outcome.code, outcome.message, outcome.field);
  const { trackingNumber, checkCode, statusUrl } = outcome;
  return json({ trackingNumber, checkCode, statusUrl }, { status: outcome.created ? 201 : 200 });
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
