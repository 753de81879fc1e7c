import cd from 'chinese-days';
import { formatShanghaiDate } from '../time/shanghaiTime.ts';

/**
 * Working days follow mainland China's calendar (holidays and make-up working days, from `chinese-days`): the
 * National Day week is not working time, the Saturday after it is.
 */
export function isWorkingDay(day: string): boolean {
  return cd.isWorkday(day);
}

/** The Shanghai calendar day `n` working days after `day` (the day itself does not count). */
export function addWorkingDays(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`working days must be a positive integer, got ${n}`);
  return cd.findWorkday(n, day);
}

const dayMs = 86_400_000;

/** The instant a Shanghai calendar day ends (the next day's 00:00 in UT+8), as the deadline instant. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + dayMs);
}

/**
 * A deadline of `n` working days from an event: the end of the n-th working day after the day it happened
 * (Asia/Shanghai). A report received on Tuesday with 5 days is due by the end of the next Tuesday.
 */
export function workingDayDeadline(from: Date, n: number): Date {
  return endOfShanghaiDay(addWorkingDays(formatShanghaiDate(from), n));
}

export type DeadlineState = 'on_time' | 'due_today' | 'overdue';

/** What the queue marks: past the deadline, or its last day is today (Shanghai). */
export function deadlineState(deadline: Date, now: Date): DeadlineState {
  if (now.getTime() >= deadline.getTime()) return 'overdue';
  return formatShanghaiDate(new Date(deadline.getTime() - 1)) === formatShanghaiDate(now) ? 'due_today' : 'on_time';
}
