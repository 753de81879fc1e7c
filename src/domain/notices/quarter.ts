import { z } from 'zod';

/**
 * A calendar quarter in China time. URLs and storage say `2026-q3`; the public reads 2026年第三季度. The
 * boundaries are Beijing midnights: the third quarter ends at 1 October 00:00 +08:00, which is still
 * 30 September in UTC, so every range here is computed at +08:00 (no daylight saving since 1991).
 */
export interface Quarter {
  year: number;
  /** 1–4. */
  q: 1 | 2 | 3 | 4;
}

const shanghaiOffsetMs = 8 * 3_600_000;
const numerals = ['一', '二', '三', '四'] as const;

export const quarterParam = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^\d{4}-q[1-4]$/, '季度格式应为 2026-q3')
  .transform((value): Quarter => ({ year: Number(value.slice(0, 4)), q: Number(value.slice(6)) as Quarter['q'] }))
  .refine((quarter) => quarter.year >= 2000 && quarter.year <= 2100, '年份应在 2000 至 2100 之间');

/** `2026-q3`, the form in URLs, the store and the API. */
export function formatQuarterParam(quarter: Quarter): string {
  return `${quarter.year}-q${quarter.q}`;
}

/** 2026年第三季度, the form in titles and on the page. */
export function quarterLabel(quarter: Quarter): string {
  return `${quarter.year}年第${numerals[quarter.q - 1]}季度`;
}

/** The inverse of quarterLabel, also taking Arabic digits (2026年第3季度), as people type both. */
export function parseQuarterLabel(text: string): Quarter | undefined {
  const match = /^\s*(\d{4})\s*年\s*第\s*([一二三四1-4])\s*季度\s*$/u.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const digit = numerals.indexOf(match[2] as (typeof numerals)[number]);
  const q = (digit >= 0 ? digit + 1 : Number(match[2])) as Quarter['q'];
  const year = Number(match[1]);
  return year >= 2000 && year <= 2100 ? { year, q } : undefined;
}

export interface QuarterRange {
  /** First instant, ISO 8601 UTC (Beijing midnight of the first day). */
  start: string;
  /** First instant of the next quarter, exclusive. */
  end: string;
  /** Calendar dates in China, as lists take effect: 2026-07-01 … 2026-09-30. */
  firstDay: string;
  lastDay: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function beijingMidnight(year: number, month: number): number {
  return Date.UTC(year, month - 1, 1) - shanghaiOffsetMs;
}

export function quarterRange(quarter: Quarter): QuarterRange {
  const firstMonth = (quarter.q - 1) * 3 + 1;
  const start = beijingMidnight(quarter.year, firstMonth);
  const end = quarter.q === 4 ? beijingMidnight(quarter.year + 1, 1) : beijingMidnight(quarter.year, firstMonth + 3);
  const lastDay = new Date(end + shanghaiOffsetMs - 86_400_000);
  return {
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    firstDay: `${quarter.year}-${pad(firstMonth)}-01`,
    lastDay: lastDay.toISOString().slice(0, 10),
  };
}

/** The quarter an instant falls in, by the Beijing calendar. */
export function quarterOf(instant: Date): Quarter {
  const beijing = new Date(instant.getTime() + shanghaiOffsetMs);
  return { year: beijing.getUTCFullYear(), q: (Math.floor(beijing.getUTCMonth() / 3) + 1) as Quarter['q'] };
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.q === 1 ? { year: quarter.year - 1, q: 4 } : { year: quarter.year, q: (quarter.q - 1) as Quarter['q'] };
}

/** The current quarter and the `count - 1` before it, newest first: what a picker offers. */
export function recentQuarters(now: Date, count: number): Quarter[] {
  const out: Quarter[] = [quarterOf(now)];
  while (out.length < count) out.push(previousQuarter(out[out.length - 1] as Quarter));
  return out;
}

/** The Beijing date before `isoDate` (2026-07-01 → 2026-06-30): what was in force as a quarter began. */
export function dayBefore(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
