import { escalationsDue } from '../../domain/reports/escalation.ts';
import { applyEscalations, overdueCases } from '../store/caseStore.ts';
import type { Store } from '../store/openStore.ts';

/**
 * Escalates every case whose verification deadline has passed: county → city → province (several steps at
 * once for a case left long enough). Safe to run from a timer in every process and again after a restart: each
 * step is dated at the deadline it follows and applied only if the case is still as it was read.
 * FOR THE FOLLOW-ON: schedule this inside the server (e.g. every 10 minutes) beside the staff queue work.
 */
export async function escalateOverdueCases(store: Store, now = new Date()): Promise<number> {
  let escalated = 0;
  for (const c of await overdueCases(store, now)) {
    const steps = escalationsDue({ level: c.level, status: c.status, deadlineAt: c.deadline_at }, now);
    if (await applyEscalations(store, c, steps, now)) escalated += 1;
  }
  return escalated;
}
