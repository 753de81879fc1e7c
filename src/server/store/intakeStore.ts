import type { Transaction } from 'kysely';
import type { CaseEventKind } from '../../domain/reports/caseEvent.ts';
import type { CaseStatus } from '../../domain/reports/caseStatus.ts';
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
