import type { APIRoute } from 'astro';
import { reportChallengeResponse } from '../../../server/reports/reportChallengeApi.ts';
import { sentReportDeviceId } from '../../../server/reports/reportDevice.ts';

export const GET: APIRoute = ({ cookies, url }) => reportChallengeResponse(sentReportDeviceId(cookies), url.protocol === 'https:');
