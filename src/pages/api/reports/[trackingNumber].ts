import type { APIRoute } from 'astro';
import { getReportStatus } from '../../../server/reports/reportApi.ts';

export const GET: APIRoute = (context) => getReportStatus(context);
