import type { APIContext } from 'astro';
import { rt } from '../../i18n/reports.zh-CN.ts';
import { clientAddressOf } from '../http/clientAddress.ts';
import { portal } from '../portal.ts';
import { lookupReportStatus, type ReportStatusView } from './reportStatus.ts';

export interface StatusPage {
  number: string;
  view: ReportStatusView | null;
  error: string | null;
  status: number;
}

/**
 * /report/status: GET shows the form (the number prefilled from the acknowledgement's link); the code is
 * posted, never put in a URL, so it stays out of browser history and server logs.
 */
export async function reportStatusPage(context: APIContext): Promise<StatusPage> {
  if (context.request.method !== 'POST') {
    return { number: context.url.searchParams.get('number')?.slice(0, 40) ?? '', view: null, error: null, status: 200 };
  }
  const form = await context.request.formData();
  const number = String(form.get('number') ?? '').slice(0, 40);
  const code = String(form.get('code') ?? '').slice(0, 40);
  const found = await lookupReportStatus(await portal(), number, code, clientAddressOf(context).source);
  if (found.ok) return { number, view: found.view, error: null, status: 200 };
  return found.reason === 'rate_limited'
    ? { number, view: null, error: rt('error.statusRateLimited'), status: 429 }
    : { number, view: null, error: rt('error.statusNotFound'), status: 404 };
}
