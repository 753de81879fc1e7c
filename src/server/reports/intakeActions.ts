import { type CaseStep, planStep } from '../../domain/reports/caseWorkflow.ts';
import { firstDeadline } from '../../domain/reports/escalation.ts';
import type { AuditAction } from '../../domain/staff/audit.ts';
import type { Portal } from '../portal.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { actorOf, requireRole, requireRegion, type StaffUser } from '../staff/staffAuth.ts';
import { type CaseChange, casePhones, changeCase, loadCaseForIntake } from '../store/intakeStore.ts';

/** Why a step was not taken: the case is not there, is not in a status that allows it, or changed meanwhile. */
export class CaseStepRefused extends Error {
  readonly code: 'not_found' | 'wrong_status' | 'conflict';
  constructor(code: CaseStepRefused['code']) {
    super(code);
    this.name = 'CaseStepRefused';
    this.code = code;
  }
}

type StaffStep = Exclude<CaseStep, { kind: 'reopen' }>;

const auditActionOf: Record<StaffStep['kind'], AuditAction> = {
  assign: 'report_case.assign',
  verify: 'report_case.verify',
  reply: 'report_case.reply',
  close: 'report_case.close',
};

function changeFor(step: StaffStep, user: StaffUser, at: string): { change: CaseChange; publicNote: string | null } {
  switch (step.kind) {
    case 'assign':
      return { change: { assigned_to: user.account.id }, publicNote: null };
    case 'verify':
      return { change: { result: step.result, action: step.action }, publicNote: null };
    case 'reply':
      // The reply is the public note: the status page shows it, so it must never carry personal data.
      return { change: { public_reply: step.text }, publicNote: step.text };
    case 'close':
      return { change: { closed_at: at }, publicNote: null };
  }
}

/**
 * An intake officer's step on a case: role `intake`, the case's county within the officer's region, the step
 * allowed from the case's status; the change, its timeline event and the audit entry commit together.
 */
export async function takeCaseStep(portal: Pick<Portal, 'store'>, user: StaffUser, caseId: number, step: StaffStep, now = new Date()): Promise<void> {
  requireRole(user, 'intake');
  const current = await loadCaseForIntake(portal.store, caseId);
  if (!current) throw new CaseStepRefused('not_found');
  requireRegion(user, current.county_code);
  const plan = planStep(current.status, step);
  if (!plan.ok) throw new CaseStepRefused(plan.reason);
  const at = now.toISOString();
  const { change, publicNote } = changeFor(step, user, at);
  await portal.store.transaction().execute(async (trx) => {
    const detail = { ...change, by: user.account.username };
    const changed = await changeCase(trx, caseId, current.status, plan.status, change, { kind: plan.event, at, publicNote, detail, actorId: user.account.id });
    if (!changed) throw new CaseStepRefused('conflict');
    await appendAudit(
      trx,
      actorOf(user),
      {
        action: auditActionOf[step.kind],
        regionCode: current.county_code,
        target: { type: 'report_case', id: caseId },
        before: { status: current.status, assignedTo: current.assigned_to, result: current.result, action: current.action, publicReply: current.public_reply },
        after: { status: plan.status, ...change },
      },
      now,
    );
  });
}

/**
 * The citizen answers "没有" to "问题解决了吗？": the case goes back to the county queue with a fresh deadline, and
 * the reopening is counted. Not audited (no staff actor); the timeline records it.
 */
export async function reopenCaseByCitizen(portal: Pick<Portal, 'store'>, caseId: number, now = new Date()): Promise<void> {
  const current = await loadCaseForIntake(portal.store, caseId);
  if (!current) throw new CaseStepRefused('not_found');
  const plan = planStep(current.status, { kind: 'reopen' });
  if (!plan.ok) throw new CaseStepRefused(plan.reason);
  const at = now.toISOString();
  const change: CaseChange = { level: 'county', deadline_at: firstDeadline(now), closed_at: null, reopened: true };
  const changed = await portal.store
    .transaction()
    .execute((trx) =>
      changeCase(trx, caseId, current.status, plan.status, change, { kind: plan.event, at, publicNote: null, detail: { deadlineAt: change.deadline_at }, actorId: null }),
    );
  if (!changed) throw new CaseStepRefused('conflict');
}

/** The unmasked phones of a case's reports for an intake officer in its region; each reveal is audited. */
export async function revealCasePhones(portal: Pick<Portal, 'store'>, user: StaffUser, caseId: number, now = new Date()) {
  requireRole(user, 'intake');
  const current = await loadCaseForIntake(portal.store, caseId);
  if (!current) throw new CaseStepRefused('not_found');
  requireRegion(user, current.county_code);
  return portal.store.transaction().execute(async (trx) => {
    const phones = await casePhones(trx, caseId);
    await appendAudit(
      trx,
      actorOf(user),
      {
        action: 'report_case.reveal_phone',
        regionCode: current.county_code,
        target: { type: 'report_case', id: caseId },
        detail: { reports: phones.filter((p) => p.phone).map((p) => p.tracking_number) },
      },
      now,
    );
    return phones;
  });
}
