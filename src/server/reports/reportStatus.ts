import { timingSafeEqual } from 'node:crypto';
import { caseEventLabels, internalOnlyEvents, type PublicTimelineEntry } from '../../domain/reports/caseEvent.ts';
import { type CaseLevel, type CaseStatus, caseLevelLabels, caseStatusLabels } from '../../domain/reports/caseStatus.ts';
import { type ProblemKind, problemKindLabels } from '../../domain/reports/problemKind.ts';
import { trackingNumber as trackingNumberSchema } from '../../domain/reports/trackingNumber.ts';
import { type RateLimiter, rateLimiter } from '../http/rateLimit.ts';
import type { Portal } from '../portal.ts';
import { loadCaseEvents, loadReportForStatus } from '../store/reportStore.ts';
import { reportKeys } from './reportKeys.ts';

/** The public view of one report: what was reported, where its case stands, and the timeline. No personal data. */
export interface ReportStatusView {
  trackingNumber: string;
  drugName: string;
  problem: ProblemKind;
  problemLabel: string;
  receivedAt: string;
  status: CaseStatus;
  statusLabel: string;
  level: CaseLevel;
  levelLabel: string;
  deadlineAt: string;
  /** Citizens whose reports joined this case (也遇到了). */
  reportCount: number;
  timeline: PublicTimelineEntry[];
}

/** `caseId` is for the server's own follow-up (the citizen's reopening); the view alone goes out. */
export type StatusLookup = { ok: true; view: ReportStatusView; caseId: number } | { ok: false; reason: 'not_found' | 'rate_limited' };

/**
 * Wrong codes are limited per address and per tracking number: guessing one number's code from many addresses,
 * or many numbers from one address, both stop after a few tries. The limit applies before the look-up, so a
 * blocked guesser learns nothing more, not even from timing.
 */
export const wrongCodesPerIpPerHour = 20;
export const wrongCodesPerNumberPerHour = 10;

const guards = new WeakMap<Portal, { ip: RateLimiter; number: RateLimiter }>();
function guardsOf(portal: Portal) {
  let g = guards.get(portal);
  if (!g) {
    g = {
      ip: rateLimiter(portal.store, 'status.ip', wrongCodesPerIpPerHour, 3_600_000),
      number: rateLimiter(portal.store, 'status.number', wrongCodesPerNumberPerHour, 3_600_000),
    };
    guards.set(portal, g);
  }
  return g;
}

export async function lookupReportStatus(portal: Portal, number: string, code: string, clientAddress: string): Promise<StatusLookup> {
  const g = guardsOf(portal);
  const parsed = trackingNumberSchema.safeParse(number);
  const numberKey = parsed.success ? parsed.data : number.slice(0, 40);
  if ((await g.ip.exhausted(clientAddress)) || (await g.number.exhausted(numberKey))) return { ok: false, reason: 'rate_limited' };
  const row = parsed.success ? await loadReportForStatus(portal.store, parsed.data) : undefined;
  const given = Buffer.from(reportKeys(portal.config.DATA_DIR).checkCodeHash(code));
  // Unknown number and wrong code are one answer, so numbers cannot be enumerated by the difference.
  if (!row || !timingSafeEqual(given, Buffer.from(row.check_code_hash))) {
    await g.ip.take(clientAddress);
    await g.number.take(numberKey);
    return { ok: false, reason: 'not_found' };
  }
  const events = await loadCaseEvents(portal.store, row.case_id);
  const timeline: PublicTimelineEntry[] = [
    { kind: 'received', label: caseEventLabels.received, at: row.received_at, note: null },
    // The case's own 'received' is its first reporter's; this citizen's report was received at its own time.
    ...events
      .filter((e) => e.kind !== 'received' && !internalOnlyEvents.includes(e.kind))
      .map((e) => ({ kind: e.kind, label: caseEventLabels[e.kind], at: e.at, note: e.public_note })),
  ];
  return {
    ok: true,
    caseId: row.case_id,
    view: {
      trackingNumber: row.tracking_number,
      drugName: row.drug_name,
      problem: row.problem,
      problemLabel: problemKindLabels[row.problem],
      receivedAt: row.received_at,
      status: row.status,
      statusLabel: caseStatusLabels[row.status],
      level: row.level,
      levelLabel: caseLevelLabels[row.level],
      deadlineAt: row.deadline_at,
      reportCount: row.report_count,
      timeline,
    },
  };
}
