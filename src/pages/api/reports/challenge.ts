import type { APIRoute } from 'astro';
import { json } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';
import { newReportChallenge } from '../../../server/reports/reportChallenge.ts';
import { reportDeviceId } from '../../../server/reports/reportDevice.ts';
import { reportKeys } from '../../../server/reports/reportKeys.ts';

export const GET: APIRoute = async ({ cookies, url }) => {
  const p = await portal();
  reportDeviceId(cookies, url.protocol === 'https:');
  const challenge = newReportChallenge(reportKeys(p.config.DATA_DIR).challengeKey, p.config.REPORT_CHALLENGE_MAX_NUMBER);
  return json(challenge);
};
