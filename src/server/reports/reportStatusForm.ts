import type { APIContext } from 'astro';
import { rt } from '../../i18n/reports.zh-CN.ts';
import { clientAddressOf } from '../http/clientAddress.ts';
import { portal } from '../portal.ts';
import { CaseStepRefused, reopenCaseByCitizen } from './intakeActions.ts';
import { lookupReportStatus, type ReportStatusView } from './reportStatus.ts';

export interface StatusPage {
  number: string;
  view: ReportStatusView | null;
  /** Posted again with the answer to "问题解决了吗？", which only a replied or closed case asks. */
  code: string;
  /** What the page says after the citizen answered. */
  answered: string | null;
  error: string | null;
  status: number;
}

/**
 * /report/status: GET shows the form (the number prefilled from the acknowledgement's link); the code is
 * posted, never put in a URL, so it stays out of browser history and server logs.
 */
export async function reportStatusPage(context: APIContext): Promise<StatusPage> {
  if (context.request.method !== 'POST') {
    return { number: context.url.searchParams.get('number')?.slice(0, 40) ?? '', view: null, code: '', answered: null, error: null, status: 200 };
  }
  const form = await context.request.formData();
  const number = String(form.get('number') ?? '').slice(0, 40);
  const code = String(form.get('code') ?? '').slice(0, 40);
  const p = await portal();
  const client = clientAddressOf(context).source;
  let found = await lookupReportStatus(p, number, code, client);
  let answered: string | null = null;
  const resolved = form.get('resolved');
  if (found.ok && (resolved === 'yes' || resolved === 'no') && asksIfResolved(found.view)) {
    if (resolved === 'no') {
      // A second answer from a stale page finds the case already reopened: the same page, nothing counted twice.
      await reopenCaseByCitizen(p, found.caseId).catch((error) => {
        if (!(error instanceof CaseStepRefused)) throw error;
      });
      found = await lookupReportStatus(p, number, code, client);
    }
    answered = rt(resolved === 'no' ? 'status.reopened' : 'status.thanks');
  }
  if (found.ok) return { number, view: found.view, code, answered, error: null, status: 200 };
  return found.reason === 'rate_limited'
    ? { number, view: null, code: '', answered: null, error: rt('error.statusRateLimited'), status: 429 }
    : { number, view: null, code: '', answered: null, error: rt('error.statusNotFound'), status: 404 };
}

/** After the public reply the status page asks whether the problem was solved; "没有" reopens the case. */
export function asksIfResolved(view: ReportStatusView): boolean {
  return view.status === 'replied' || view.status === 'closed';
}
