import type { APIRoute } from 'astro';
import { postReport } from '../../../server/reports/reportApi.ts';

export const POST: APIRoute = (context) => postReport(context);
