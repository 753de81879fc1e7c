import { awaitingVerification } from '../../domain/reports/caseStatus.ts';
import type { Escalation } from '../../domain/reports/escalation.ts';
import { touchCaseReports } from './intakeTokenStore.ts';
import type { Store } from './openStore.ts';

/** Cases whose deadline has passed while they still await verification: the escalation job's work list. */
export async function overdueCases(store: Store, now: Date, limit = 500) {
  return store
    .selectFrom('report_cases')
    .select(['id', 'level', 'status', 'deadline_at', 'county_code'])
    .where('status', 'in', awaitingVerification)
    .where('level', '!=', 'province')
    .where('deadline_at', '<=', now.toISOString())
    .orderBy('deadline_at')
    .limit(limit)
    .execute();
}

/**
 * Applies one case's escalations and writes one timeline event per step, in one transaction. The update is
 * conditional on the level and deadline the job read, so a second run (another process, or the same job after
 * a restart) that read the same row changes nothing and writes no event: escalation happens once.
 */
export async function applyEscalations(
  store: Store,
  c: { id: number; level: Escalation['from']; deadline_at: string },
  steps: readonly Escalation[],
  /** When the job applies them: the reports' updated_at for the monitoring export, which polls by it. */
  now: Date = new Date(),
): Promise<boolean> {
  const last = steps.at(-1);
  if (!last) return false;
  return store.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('report_cases')
      .set({ level: last.to, deadline_at: last.deadlineAt, updated_at: last.at })
      .where('id', '=', c.id)
      .where('level', '=', c.level)
      .where('deadline_at', '=', c.deadline_at)
      .where('status', 'in', awaitingVerification)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return false;
    for (const step of steps) {
      await trx
        .insertInto('report_case_events')
        .values({
          case_id: c.id,
          kind: 'escalated',
          at: step.at,
          public_note: null,
          detail_json: JSON.stringify({ from: step.from, to: step.to, deadlineAt: step.deadlineAt }),
          actor_id: null,
        })
        .execute();
    }
    await touchCaseReports(trx, c.id, now.toISOString());
    return true;
  });
}

/**
 * The cases of a drug that a citizen's report would still join (awaiting verification, a report within the
 * case window): what the drug page offers "也遇到了 (n)" on. Each with its facility's name (when it has one) and
 * the problem its first report named.
 */
export async function joinableCasesOfDrug(store: Store, drugId: string, lastReportSince: string, limit = 20) {
  return store
    .selectFrom('report_cases as c')
    .leftJoin('facilities as f', 'f.id', 'c.facility_id')
    .select((eb) => [
      'c.id',
      'c.drug_id',
      'c.drug_name',
      'c.facility_id',
      'f.name as facility_name',
      'c.county_code',
      'c.report_count',
      eb.selectFrom('citizen_reports as r').select('r.problem').whereRef('r.case_id', '=', 'c.id').orderBy('r.id').limit(1).as('problem'),
    ])
    .where('c.drug_id', '=', drugId)
    .where('c.status', 'in', awaitingVerification)
    .where('c.last_report_at', '>=', lastReportSince)
    .orderBy('c.report_count', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}
