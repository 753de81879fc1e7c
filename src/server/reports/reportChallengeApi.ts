import { json } from '../http/apiResponse.ts';
import { portal } from '../portal.ts';
import { newReportChallenge } from './reportChallenge.ts';
import { newReportDeviceCookieHeader } from './reportDevice.ts';
import { reportKeys } from './reportKeys.ts';

/**
 * GET /api/reports/challenge: a new ALTCHA challenge, and the report_device cookie when the browser has none.
 * Written once: the Astro route calls it, and so does the fast lane in front of Astro (portalHandler.ts), since
 * every citizen's report costs one challenge beforehand.
 */
export async function reportChallengeResponse(sentDeviceId: string | null, secure: boolean): Promise<Response> {
  const p = await portal();
  const response = json(newReportChallenge(reportKeys(p.config.DATA_DIR).challengeKey, p.config.REPORT_CHALLENGE_MAX_NUMBER));
  if (!sentDeviceId) response.headers.append('set-cookie', newReportDeviceCookieHeader(secure));
  return response;
}
