import { randomUUID } from 'node:crypto';
import type { APIContext } from 'astro';
import { drugIdParam } from '../../domain/drugs/drugIdParam.ts';
import { facilityIdParam } from '../../domain/facilities/facilityIdParam.ts';
import { type ProblemKind, problemKind, problemKindLabels } from '../../domain/reports/problemKind.ts';
import { formatShanghaiTime, shanghaiInputToIso } from '../../domain/time/shanghaiTime.ts';
import { clientAddressOf } from '../http/clientAddress.ts';
import { portal } from '../portal.ts';
import { loadDrug } from '../store/drugStore.ts';
import { loadFacility } from '../store/facilityStore.ts';
import { reportDeviceId } from './reportDevice.ts';
import { submitReport } from './reportIntake.ts';
import { reportCounties } from './reportPlace.ts';

/** The fields as the form shows them: strings, exactly as typed, so nothing is lost when it comes back. */
export const reportFormFields = [
  'drugId',
  'drugName',
  'problem',
  'facilityId',
  'regionCode',
  'place',
  'seenAt',
  'price',
  'pricePack',
  'description',
  'phone',
] as const;
export type ReportFormValues = Record<(typeof reportFormFields)[number], string>;

export interface ReportFormView {
  values: ReportFormValues;
  errors: Record<string, string>;
  /** A form-level message (rate limit, expired challenge) shown in the error summary without a field. */
  problem: string | null;
  idempotencyKey: string;
  facilityName: string | null;
  counties: { code: string; name: string }[];
  problems: { value: ProblemKind; label: string }[];
}

export type ReportFormResult =
  | { kind: 'form'; view: ReportFormView }
  | { kind: 'acknowledged'; trackingNumber: string; checkCode: string; statusUrl: string };

function nowForInput(now: Date): string {
  return formatShanghaiTime(now).replace(' ', 'T');
}

async function viewOf(values: ReportFormValues, extra: Partial<ReportFormView> = {}): Promise<ReportFormView> {
  const p = await portal();
  const facility = values.facilityId && facilityIdParam.safeParse(values.facilityId).success ? await loadFacility(p.store, values.facilityId) : undefined;
  return {
    values,
    errors: {},
    problem: null,
    // Generated with the form, so a double tap or a resubmitted page gives the same report, never two.
    idempotencyKey: randomUUID(),
    facilityName: facility?.name ?? null,
    counties: await reportCounties(p.store),
    problems: problemKind.options.map((value) => ({ value, label: problemKindLabels[value] })),
    ...extra,
  };
}

/** GET /report: an empty form, prefilled from ?drug= (an id or a name) and ?facility=. */
export async function reportFormGet(context: APIContext): Promise<ReportFormResult> {
  reportDeviceId(context.cookies, context.url.protocol === 'https:');
  const p = await portal();
  const drugParam = context.url.searchParams.get('drug')?.trim().slice(0, 60) ?? '';
  const asId = drugIdParam.safeParse(drugParam);
  const drug = asId.success ? await loadDrug(p.store, asId.data) : undefined;
  const values = Object.fromEntries(reportFormFields.map((f) => [f, ''])) as ReportFormValues;
  values.drugId = drug?.id ?? '';
  values.drugName = drug?.genericName ?? drugParam;
  values.problem = 'unavailable';
  values.facilityId = context.url.searchParams.get('facility')?.trim().slice(0, 40) ?? '';
  values.seenAt = nowForInput(new Date());
  return { kind: 'form', view: await viewOf(values) };
}

/** POST /report: the same intake as the API; errors come back beside their fields with every value kept. */
export async function reportFormPost(context: APIContext): Promise<ReportFormResult> {
  const form = await context.request.formData();
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.slice(0, 2000) : '';
  };
  const values = Object.fromEntries(reportFormFields.map((f) => [f, text(f)])) as ReportFormValues;
  const altcha = text('altcha');
  const outcome = await submitReport(await portal(), {
    fields: { ...values, seenAt: shanghaiInputToIso(values.seenAt), website: text('website'), altcha },
    idempotencyKey: text('idempotencyKey'),
    // The island fills `altcha`; without JavaScript it stays empty and the stricter no-script limit applies.
    channel: altcha ? 'form' : 'noscript',
    clientAddress: clientAddressOf(context).source,
    deviceId: reportDeviceId(context.cookies, context.url.protocol === 'https:'),
  });
  if (outcome.ok) return { kind: 'acknowledged', trackingNumber: outcome.trackingNumber, checkCode: outcome.checkCode, statusUrl: outcome.statusUrl };
  const errors = outcome.fieldErrors ?? {};
  const fieldless = !outcome.field || outcome.field === 'altcha' || !(outcome.field in values);
  // A field error keeps the key (the report was not stored); a refused key gets a fresh one.
  const keepKey = outcome.code !== 'idempotency_key_reused' && outcome.code !== 'invalid_idempotency_key';
  return {
    kind: 'form',
    view: await viewOf(values, {
      errors,
      problem: fieldless ? outcome.message : null,
      ...(keepKey && text('idempotencyKey') ? { idempotencyKey: text('idempotencyKey') } : {}),
    }),
  };
}
