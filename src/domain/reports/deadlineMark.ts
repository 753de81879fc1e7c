import { formatShanghaiDate } from '../time/shanghaiTime.ts';
import { type CaseStatus, isAwaitingVerification } from './caseStatus.ts';

/** How the queue flags a case awaiting verification: its deadline passed, or it ends today (Shanghai). */
export type DeadlineMark = 'overdue' | 'due_today' | null;

/** The end of today in Shanghai (midnight, +08:00), the bound of the "due today" filter. */
export function endOfShanghaiDay(now: Date): Date {
  return new Date(`${formatShanghaiDate(now)}T16:00:00.000Z`);
}

export function deadlineMark(status: CaseStatus, deadlineAt: string, now: Date): DeadlineMark {
  if (!isAwaitingVerification(status)) return null;
  const deadline = new Date(deadlineAt);
  if (now.getTime() >= deadline.getTime()) return 'overdue';
  return deadline.getTime() <= endOfShanghaiDay(now).getTime() ? 'due_today' : null;
}
