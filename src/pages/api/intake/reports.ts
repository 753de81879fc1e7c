import type { APIRoute } from 'astro';
import { getIntakeReports } from '../../../server/reports/intakeExportApi.ts';

export const GET: APIRoute = (context) => getIntakeReports(context);
