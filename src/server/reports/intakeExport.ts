import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../store/openStore.ts';
import { findLiveIntakeToken, insertIntakeToken, reportsUpdatedAfter } from '../store/intakeTokenStore.ts';
import { csvRow } from '../staff/auditCsv.ts';

/** SHA-256 of a token: what the store keeps, so a copy of it opens nothing. */
export function intakeTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new token for a receiving system; the plaintext is returned once and never stored. */
export async function issueIntakeToken(store: Store, name: string, allowPersonal: boolean, createdBy: number | null, now = new Date()) {
  const token = `itk_${randomBytes(32).toString('base64url')}`;
  const { id } = await insertIntakeToken(store, { name, tokenHash: intakeTokenHash(token), allowPersonal, createdBy, at: now.toISOString() });
  return { id, token };
}

/** The receiving system behind `Authorization: Bearer <token>`, or undefined. */
export async function intakeClientOf(store: Store, authorization: string | null) {
  const match = /^Bearer\s+(itk_[A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const row = await findLiveIntakeToken(store, intakeTokenHash(match[1]));
  return row && { id: row.id, name: row.name, allowPersonal: row.allow_personal === 1 };
}

const cursorShape = z.tuple([z.iso.datetime(), z.number().int().nonnegative()]);

/** Where the next page starts: opaque to clients (base64url of the last row's updated_at and id). */
export function encodeExportCursor(updatedAt: string, id: number): string {
  return Buffer.from(JSON.stringify([updatedAt, id])).toString('base64url');
}

export function decodeExportCursor(cursor: string): { updatedAt: string; id: number } | undefined {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { updatedAt: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

export const exportPageSize = 500;

export interface ExportedReport {
  trackingNumber: string;
  drugId: string | null;
  drugName: string;
  problem: string;
  facilityId: string | null;
  countyCode: string;
  place: string | null;
  seenAt: string;
  priceFen: number | null;
  pricePack: string | null;
  description: string | null;
  duplicate: boolean;
  receivedAt: string;
  updatedAt: string;
  case: { id: number; status: string; level: string; deadlineAt: string; result: string | null; action: string | null; reportCount: number; reopenCount: number };
  /** Only for a receiving system whose token allows personal data; otherwise the key is absent. */
  phone?: string | null;
}

/** One page of reports changed after the cursor (or after `updatedSince`), oldest change first. */
export async function exportReports(store: Store, from: { updatedAt: string; id: number }, allowPersonal: boolean, limit = exportPageSize) {
  const rows = await reportsUpdatedAfter(store, from, limit);
  const reports: ExportedReport[] = rows.map((r) => ({
    trackingNumber: r.tracking_number,
    drugId: r.drug_id,
    drugName: r.drug_name,
    problem: r.problem,
    facilityId: r.facility_id,
    countyCode: r.county_code,
    place: r.place,
    seenAt: r.seen_at,
    priceFen: r.price_fen,
    pricePack: r.price_pack,
    description: r.description,
    duplicate: r.duplicate_of !== null,
    receivedAt: r.received_at,
    updatedAt: r.updated_at,
    case: {
      id: r.case_id,
      status: r.status,
      level: r.level,
      deadlineAt: r.deadline_at,
      result: r.result,
      action: r.action,
      reportCount: r.report_count,
      reopenCount: r.reopen_count,
    },
    ...(allowPersonal ? { phone: r.phone } : {}),
  }));
  const last = rows.at(-1);
  return { reports, nextCursor: rows.length === limit && last ? encodeExportCursor(last.updated_at, last.id) : null };
}

const csvHeader = [
  'trackingNumber', 'drugId', 'drugName', 'problem', 'facilityId', 'countyCode', 'place', 'seenAt', 'priceFen', 'pricePack',
  'description', 'duplicate', 'receivedAt', 'updatedAt', 'caseId', 'caseStatus', 'caseLevel', 'caseDeadlineAt', 'caseResult',
  'caseAction', 'caseReportCount', 'caseReopenCount',
];

/** The same page as CSV, with a BOM so that spreadsheet programs read the Chinese as UTF-8. */
export function exportCsv(reports: readonly ExportedReport[], withPhone: boolean): string {
  const lines = [csvRow(withPhone ? [...csvHeader, 'phone'] : csvHeader)];
  for (const r of reports) {
    const cells = [
      r.trackingNumber, r.drugId, r.drugName, r.problem, r.facilityId, r.countyCode, r.place, r.seenAt, r.priceFen, r.pricePack,
      r.description, r.duplicate ? 1 : 0, r.receivedAt, r.updatedAt, r.case.id, r.case.status, r.case.level, r.case.deadlineAt,
      r.case.result, r.case.action, r.case.reportCount, r.case.reopenCount,
    ];
    lines.push(csvRow(withPhone ? [...cells, r.phone ?? null] : cells));
  }
  return `\uFEFF${lines.join('')}`;
}
