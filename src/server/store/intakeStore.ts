import { sql, type Transaction } from 'kysely';
import type { CaseEventKind } from '../../domain/reports/caseEvent.ts';
import type { CaseStatus } from '../../domain/reports/caseStatus.ts';
import { touchCaseReports } from './intakeTokenStore.ts';
import type { Store } from './openStore.ts';
import type { ReportCaseTable } from './reportSchema.ts';
import type { Database } from './schema.ts';

/** The case fields the intake workflow reads before acting. */
export async function loadCaseForIntake(db: Store | Transaction<Database>, caseId: number) {
  return db
    .selectFrom('report_cases')
    .select(['id', 'status', 'level', 'county_code', 'drug_name', 'assigned_to', 'result', 'action', 'public_reply', 'deadline_at', 'reopen_count'])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export type CaseChange = Partial<Pick<ReportCaseTable, 'assigned_to' | 'result' | 'action' | 'public_reply' | 'closed_at' | 'deadline_at' | 'level'>> & {
  reopened?: boolean;
};

/**
 * Moves a case from `from` to `to` and writes the timeline event, in the caller's transaction. Conditional on
 * the status read: a concurrent step that got there first makes this one change nothing (false).
 */
export async function changeCase(
  trx: Transaction<Database>,
  caseId: number,
  from: CaseStatus,
  to: CaseStatus,
  change: CaseChange,
  event: { kind: CaseEventKind; at: string; publicNote: string | null; detail: Record<string, unknown>; actorId: number | null },
): Promise<boolean> {
  const { reopened, ...fields } = change;
  const updated = await trx
    .updateTable('report_cases')
    .set((eb) => ({
      ...fields,
      status: to,
      updated_at: event.at,
      ...(reopened ? { reopen_count: eb('reopen_count', '+', 1) } : {}),
    }))
    .where('id', '=', caseId)
    .where('status', '=', from)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  await touchCaseReports(trx, caseId, event.at);
  await trx
    .insertInto('report_case_events')
    .values({
      case_id: caseId,
      kind: event.kind,
      at: event.at,
      public_note: event.publicNote,
      detail_json: JSON.stringify(event.detail),
      actor_id: event.actorId,
    })
    .execute();
  return true;
}

/** The phones of a case's reports (for the audited reveal); erased ones are null. */
export async function casePhones(db: Store | Transaction<Database>, caseId: number) {
  return db.selectFrom('citizen_reports').select(['id', 'tracking_number', 'phone']).where('case_id', '=', caseId).orderBy('id').execute();
}

export interface IntakeQueueQuery {
  /** Region prefix range of the officer (and the region filter within it). */
  regionFrom: string;
  regionBefore: string;
  /** null: every status. */
  statuses: readonly CaseStatus[] | null;
  drugContains?: string | undefined;
  /** Only cases awaiting verification whose deadline is at or before this instant. */
  deadlineBy?: { at: string; statuses: readonly CaseStatus[] } | undefined;
  limit: number;
}

/** Cases of the intake queue, earliest deadline first. */
export async function intakeQueueCases(store: Store, q: IntakeQueueQuery) {
  let query = store
    .selectFrom('report_cases')
    .select(['id', 'drug_name', 'county_code', 'status', 'level', 'deadline_at', 'report_count', 'reopen_count', 'assigned_to', 'last_report_at'])
    .where('county_code', '>=', q.regionFrom)
    .where('county_code', '<', q.regionBefore);
  if (q.statuses) query = query.where('status', 'in', q.statuses);
  if (q.drugContains) {
    const pattern = `%${q.drugContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`drug_name like ${pattern} escape '\\'`);
  }
  if (q.deadlineBy) query = query.where('deadline_at', '<=', q.deadlineBy.at).where('status', 'in', q.deadlineBy.statuses);
  return query.orderBy('deadline_at').orderBy('id').limit(q.limit).execute();
}

/** The reports of one case, oldest first, for the case page (the phone is masked by the view, not here). */
export async function caseReports(store: Store, caseId: number) {
  return store
    .selectFrom('citizen_reports')
    .select(['id', 'tracking_number', 'problem', 'place', 'facility_id', 'drug_id', 'seen_at', 'price_fen', 'price_pack', 'description', 'phone', 'contact_erased_at', 'duplicate_of', 'received_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

/** The whole timeline of a case for staff, with the internal detail and who acted. */
export async function caseTimelineForStaff(store: Store, caseId: number) {
  return store
    .selectFrom('report_case_events')
    .leftJoin('staff_accounts', 'staff_accounts.id', 'report_case_events.actor_id')
    .select(['report_case_events.kind', 'report_case_events.at', 'report_case_events.public_note', 'report_case_events.detail_json', 'staff_accounts.display_name'])
    .where('report_case_events.case_id', '=', caseId)
    .orderBy('report_case_events.id')
    .execute();
}
