import chineseDays from 'chinese-days';
import type { OpeningHours } from './facility.ts';

/*
 * Opening hours are Asia/Shanghai wall clock. The server may run in UTC (containers usually do),
 * so the weekday and time are always read through Intl with an explicit zone, never Date#getHours.
 */

const shanghaiClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const weekdayIndex: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Day of week (0 = Sunday) and minutes since midnight in Shanghai. */
export function shanghaiWallClock(date: Date): { day: number; minutes: number } {
  const parts = Object.fromEntries(shanghaiClock.formatToParts(date).map((p) => [p.type, p.value]));
  const day = weekdayIndex[parts.weekday ?? ''];
  if (day === undefined) throw new Error(`unexpected weekday ${String(parts.weekday)}`);
  return { day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayMs = 86_400_000;

/**
 * Which weekday's hours a calendar day keeps. Mainland holidays and make-up working days (调休) move the week:
 * a statutory holiday on a weekday keeps Sunday hours, a weekend day that is a make-up working day keeps Monday
 * hours. A pharmacy open every day is unaffected; a clinic closed on Sundays is closed on 国庆 too.
 */
function effectiveDay(date: Date, weekday: number): number {
  const ymd = shanghaiDate.format(date);
  const weekend = weekday === 0 || weekday === 6;
  if (weekend && chineseDays.isWorkday(ymd)) return 1;
  if (!weekend && chineseDays.isHoliday(ymd)) return 0;
  return weekday;
}

/** False when the facility never told us its hours: then nothing about open or closed may be said. */
export function hoursKnown(hours: OpeningHours): boolean {
  return hours.allDay || hours.days.length > 0;
}

/**
 * Open at the instant? A range whose close is not after its open (20:00–02:00) runs past midnight, and then the
 * early hours belong to the previous calendar day (with that day's holiday rule). Null when hours are unknown.
 */
export function isOpenAt(hours: OpeningHours, date: Date): boolean | null {
  if (hours.allDay) return true;
  if (!hoursKnown(hours)) return null;
  const { day: weekday, minutes } = shanghaiWallClock(date);
  const day = effectiveDay(date, weekday);
  const previousDay = effectiveDay(new Date(date.getTime() - dayMs), (weekday + 6) % 7);
  return hours.days.some((range) => {
    const open = toMinutes(range.open);
    const close = toMinutes(range.close);
    if (close > open) return range.day === day && minutes >= open && minutes < close;
    return (range.day === day && minutes >= open) || (range.day === previousDay && minutes < close);
  });
}

const dayName = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** Chinese weeks are read Monday first. */
const mondayFirst = [1, 2, 3, 4, 5, 6, 0];

function dayGroupLabel(days: number[]): string {
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return '';
  if (days.length === 1) return dayName[first] ?? '';
  if (days.length === 2) return `${dayName[first]}、${dayName[last]}`;
  return `${dayName[first]}至${dayName[last]}`;
}

/** '每天 08:00–22:00', '周一至周六 08:00–17:30', '24 小时', '营业时间未知'; days without hours are not mentioned. */
export function describeHours(hours: OpeningHours): string {
  if (hours.allDay) return '24 小时';
  const rangesByDay = new Map<number, string>();
  for (const day of mondayFirst) {
    const ranges = hours.days
      .filter((r) => r.day === day)
      .sort((a, b) => a.open.localeCompare(b.open))
      .map((r) => `${r.open}–${r.close}`);
    if (ranges.length > 0) rangesByDay.set(day, ranges.join('、'));
  }
  if (rangesByDay.size === 0) return '营业时间未知';

  // Runs of consecutive days (Monday first) sharing the same ranges collapse into one phrase.
  const groups: { days: number[]; ranges: string }[] = [];
  let previousPosition = -2;
  mondayFirst.forEach((day, position) => {
    const ranges = rangesByDay.get(day);
    if (ranges === undefined) return;
    const last = groups[groups.length - 1];
    if (last && last.ranges === ranges && previousPosition === position - 1) last.days.push(day);
    else groups.push({ days: [day], ranges });
    previousPosition = position;
  });
  const only = groups[0];
  if (groups.length === 1 && only && only.days.length === 7) return `每天 ${only.ranges}`;
  return groups.map((g) => `${dayGroupLabel(g.days)} ${g.ranges}`).join('；');
}
