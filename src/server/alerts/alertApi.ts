import type { APIContext } from 'astro';
import { mt } from '../../i18n/mobile.zh-CN.ts';
import { apiError, json } from '../http/apiResponse.ts';
import { portal } from '../portal.ts';
import { privateAlertHeaders } from './alertFeed.ts';
import { alertPaths } from './alertPaths.ts';
import { subscribeToAlerts, unsubscribeFromAlerts } from './alertSubscriptions.ts';

/** POST /api/alerts { drugId, region | lat, lng, radius }: 201 with the private token and its addresses. */
export async function postAlertSubscription(context: APIContext): Promise<Response> {
  const text = await context.request.text();
  if (text.length > 2048) return apiError(413, 'too_large', mt('alert.api.tooLarge'));
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    return apiError(400, 'invalid_json', mt('alert.api.invalidJson'));
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return apiError(400, 'invalid_json', mt('alert.api.invalidJson'));
  const p = await portal();
  const outcome = await subscribeToAlerts(p.store, fields as Record<string, unknown>, new Date(), p.config.DATA_DIR);
  // The API's convention (docs/api.md, "Hostile input"): an invalid_parameter message starts with its field.
  if (!outcome.ok) return apiError(400, 'invalid_parameter', `${outcome.field}: ${outcome.message}`, outcome.field);
  const response = json({ token: outcome.token, ...alertPaths(outcome.token) }, { status: 201 });
  response.headers.set('referrer-policy', privateAlertHeaders['referrer-policy']);
  return response;
}

/** DELETE /api/alerts/{token}: the app's one-tap unsubscribe; 204, or 404 for an unknown token. */
export async function deleteAlertSubscription(context: APIContext): Promise<Response> {
  const erased = await unsubscribeFromAlerts((await portal()).store, context.params.token);
  return erased ? new Response(null, { status: 204, headers: privateAlertHeaders }) : apiError(404, 'not_found', mt('alert.api.unknownToken'), 'token');
}
