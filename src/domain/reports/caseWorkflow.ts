import type { CaseEventKind } from './caseEvent.ts';
import type { CaseAction, CaseStatus, VerificationResult } from './caseStatus.ts';

/** What an intake officer (or, for `reopen`, the citizen) does to a case. */
export type CaseStep =
  | { kind: 'assign' }
  | { kind: 'verify'; result: VerificationResult; action: CaseAction }
  | { kind: 'reply'; text: string }
  | { kind: 'close' }
  | { kind: 'reopen' };

/** Statuses each step may start from: a reply needs a recorded result; closing needs the public reply out. */
export const stepAllowedFrom: Record<CaseStep['kind'], readonly CaseStatus[]> = {
  assign: ['received', 'assigned', 'verifying'],
  verify: ['received', 'assigned', 'verifying', 'verified'],
  reply: ['verified', 'replied'],
  close: ['replied'],
  reopen: ['replied', 'closed'],
};

const statusAfter: Record<CaseStep['kind'], CaseStatus> = {
  assign: 'assigned',
  verify: 'verified',
  reply: 'replied',
  close: 'closed',
  reopen: 'received',
};

const eventOf: Record<CaseStep['kind'], CaseEventKind> = {
  assign: 'assigned',
  verify: 'result',
  reply: 'public_reply',
  close: 'closed',
  reopen: 'reopened',
};

export type StepRefusal = 'wrong_status';

/** The status a step leads to and the timeline event it writes, or why it cannot be taken from `status`. */
export function planStep(status: CaseStatus, step: CaseStep): { ok: true; status: CaseStatus; event: CaseEventKind } | { ok: false; reason: StepRefusal } {
  if (!stepAllowedFrom[step.kind].includes(status)) return { ok: false, reason: 'wrong_status' };
  return { ok: true, status: statusAfter[step.kind], event: eventOf[step.kind] };
}
