import { type CaseLevel, type CaseStatus, isAwaitingVerification } from './caseStatus.ts';
import { workingDayDeadline } from './workingDays.ts';

/**
 * Working days each level has (邯郸市 rules, seed 002): the county verifies within 5 and, if it cannot resolve
 * the case, reports it to the city; the city has 10, then reports to the province within 10. The province is
 * the last level: its deadline is shown but nothing escalates past it.
 */
export const workingDaysAtLevel: Record<CaseLevel, number> = { county: 5, city: 10, province: 10 };

const nextLevel: Record<CaseLevel, CaseLevel | null> = { county: 'city', city: 'province', province: null };

export interface EscalationInput {
  level: CaseLevel;
  status: CaseStatus;
  /** ISO instant; the end of the level's last working day. */
  deadlineAt: string;
}

export interface Escalation {
  from: CaseLevel;
  to: CaseLevel;
  /** When it took effect: the instant the previous deadline passed, not when a job noticed. */
  at: string;
  deadlineAt: string;
}

/**
 * The escalations due for a case at `now`, oldest first. Dated at the deadline instant rather than `now`, so a
 * server that was down over a deadline escalates exactly as if it had been up, and running this again after
 * applying its result yields nothing (the job is idempotent by construction).
 */
export function escalationsDue(c: EscalationInput, now: Date): Escalation[] {
  const due: Escalation[] = [];
  if (!isAwaitingVerification(c.status)) return due;
  let level = c.level;
  let deadline = new Date(c.deadlineAt);
  for (let to = nextLevel[level]; to && now.getTime() >= deadline.getTime(); to = nextLevel[level]) {
    const next = workingDayDeadline(deadline, workingDaysAtLevel[to]);
    due.push({ from: level, to, at: deadline.toISOString(), deadlineAt: next.toISOString() });
    level = to;
    deadline = next;
  }
  return due;
}

/** The deadline a case starts with at county level, or restarts with when a citizen reopens it. */
export function firstDeadline(receivedAt: Date): string {
  return workingDayDeadline(receivedAt, workingDaysAtLevel.county).toISOString();
}
