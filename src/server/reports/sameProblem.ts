import { randomUUID } from 'node:crypto';
import type { APIContext } from 'astro';
import { caseWindowDays } from '../../domain/reports/caseGrouping.ts';
import { problemKind, problemKindLabels } from '../../domain/reports/problemKind.ts';
import type { SameProblemCase } from '../../domain/reports/sameProblem.ts';
import { clientAddressOf } from '../http/clientAddress.ts';
import type { Portal } from '../portal.ts';
import { portal } from '../portal.ts';
import { joinableCasesOfDrug } from '../store/caseStore.ts';
import { loadReportForStatus } from '../store/reportStore.ts';
import { reportDeviceId } from './reportDevice.ts';
import { idempotencyKeyPattern, submitReport } from './reportIntake.ts';
import { reportRegionTree } from './reportPlace.ts';

/** The drug's open cases that a report would still join (awaiting verification, a report in the last 7 days). */
export async function sameProblemCases(p: Pick<Portal, 'store'>, drugId: string, now = new Date()): Promise<SameProblemCase[]> {
  const since = new Date(now.getTime() - caseWindowDays * 86_400_000).toISOString();
  const [rows, tree] = await Promise.all([joinableCasesOfDrug(p.store, drugId, since), reportRegionTree(p.store)]);
  return rows.flatMap((row) => {
    const problem = problemKind.safeParse(row.problem);
    if (!problem.success || !row.drug_id) return [];
    return [
      {
        drugId: row.drug_id,
        drugName: row.drug_name,
        problem: problem.data,
        problemLabel: problemKindLabels[problem.data],
        facilityId: row.facility_id,
        regionCode: row.county_code,
        placeName: row.facility_name ?? tree.get(row.county_code)?.name ?? row.county_code,
        reportCount: row.report_count,
      },
    ];
  });
}

export type SameProblemResult =
  | { kind: 'joined'; trackingNumber: string; checkCode: string; statusUrl: string; reportCount: number; back: string }
  | { kind: 'refused'; status: number; message: string; back: string };

/** Only a page of this portal to return to, never an address someone else put in the form. */
function backPath(value: FormDataEntryValue | null): string {
  return typeof value === 'string' && /^\/drugs\/[A-Za-z0-9_-]{1,40}$/.test(value) ? value : '/';
}

/**
 * POST /report/same: the no-JavaScript "也遇到了" button, a small form with the case's fields. The same intake
 * as every report: honeypot, rate limits (the stricter no-script one without a solved challenge), device
 * repeats merged. The page it sits on is shared between visitors, so it cannot carry a per-visitor
 * idempotency key; the key is made here, and a second tap from the same device is merged, not counted.
 */
export async function sameProblemPost(context: APIContext): Promise<SameProblemResult> {
  const form = await context.request.formData();
  const text = (name: string, max = 200) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.slice(0, max) : '';
  };
  const back = backPath(form.get('back'));
  // The island solves the challenge on the tap and sends it here; without JavaScript the field stays empty.
  const altcha = text('altcha', 2000);
  const key = text('idempotencyKey');
  const p = await portal();
  const outcome = await submitReport(p, {
    fields: {
      drugId: text('drugId'),
      drugName: text('drugName'),
      problem: text('problem'),
      facilityId: text('facilityId'),
      regionCode: text('regionCode'),
      seenAt: new Date().toISOString(),
      website: text('website'),
      altcha,
    },
    idempotencyKey: idempotencyKeyPattern.test(key) ? key : randomUUID(),
    channel: altcha ? 'form' : 'noscript',
    clientAddress: clientAddressOf(context).source,
    deviceId: reportDeviceId(context.cookies, context.url.protocol === 'https:'),
  });
  if (!outcome.ok) return { kind: 'refused', status: outcome.status, message: outcome.message, back };
  const joined = await loadReportForStatus(p.store, outcome.trackingNumber);
  return { kind: 'joined', trackingNumber: outcome.trackingNumber, checkCode: outcome.checkCode, statusUrl: outcome.statusUrl, reportCount: joined?.report_count ?? 1, back };
}
