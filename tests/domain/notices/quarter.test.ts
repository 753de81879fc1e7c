import { describe, expect, test } from 'vitest';
import {
  dayBefore,
  formatQuarterParam,
  parseQuarterLabel,
  previousQuarter,
  quarterLabel,
  quarterOf,
  quarterParam,
  quarterRange,
  recentQuarters,
} from '../../../src/domain/notices/quarter.ts';

describe('quarterParam', () => {
  test('parses 2026-q3 and upper-case Q, and formats back to the URL form', () => {
    expect(quarterParam.parse('2026-q3')).toEqual({ year: 2026, q: 3 });
    expect(formatQuarterParam(quarterParam.parse('2026-Q4'))).toBe('2026-q4');
  });

  test('refuses quarter 5, a missing q and years far out of range', () => {
    for (const bad of ['2026-q5', '2026-q0', '2026-3', '26-q1', '1999-q1', '2026-q3x']) expect(quarterParam.safeParse(bad).success, bad).toBe(false);
  });
});

describe('quarterLabel and parseQuarterLabel', () => {
  test('write 2026年第三季度 and read it back, also with Arabic digits', () => {
    expect(quarterLabel({ year: 2026, q: 3 })).toBe('2026年第三季度');
    expect(quarterLabel({ year: 2027, q: 1 })).toBe('2027年第一季度');
    expect(parseQuarterLabel('2026年第三季度')).toEqual({ year: 2026, q: 3 });
    expect(parseQuarterLabel(' 2026 年 第4季度 ')).toEqual({ year: 2026, q: 4 });
  });

  test('returns undefined for text that is not a quarter', () => {
    expect(parseQuarterLabel('2026年第五季度')).toBeUndefined();
    expect(parseQuarterLabel('2026年三季度')).toBeUndefined();
  });
});

describe('quarterRange', () => {
  test('starts and ends at Beijing midnight, which is 16:00 UTC the day before', () => {
    expect(quarterRange({ year: 2026, q: 3 })).toEqual({
      start: '2026-06-30T16:00:00.000Z',
      end: '2026-09-30T16:00:00.000Z',
      firstDay: '2026-07-01',
      lastDay: '2026-09-30',
    });
  });

  test('the fourth quarter ends when the next year begins in Beijing', () => {
    const range = quarterRange({ year: 2026, q: 4 });
    expect(range.end).toBe('2026-12-31T16:00:00.000Z');
    expect(range.lastDay).toBe('2026-12-31');
    expect(quarterRange({ year: 2028, q: 1 }).lastDay).toBe('2028-03-31');
  });
});

describe('quarterOf', () => {
  test('midnight of 1 October Beijing time is already the fourth quarter, one millisecond before is the third', () => {
    const midnight = new Date('2026-10-01T00:00:00+08:00');
    expect(midnight.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(quarterOf(midnight)).toEqual({ year: 2026, q: 4 });
    expect(quarterOf(new Date(midnight.getTime() - 1))).toEqual({ year: 2026, q: 3 });
  });

  test('New Year in Beijing moves the year while UTC still shows 31 December', () => {
    expect(quarterOf(new Date('2026-12-31T16:30:00Z'))).toEqual({ year: 2027, q: 1 });
  });

  test('agrees with quarterRange at both ends', () => {
    const range = quarterRange({ year: 2026, q: 2 });
    expect(quarterOf(new Date(range.start))).toEqual({ year: 2026, q: 2 });
    expect(quarterOf(new Date(Date.parse(range.end) - 1))).toEqual({ year: 2026, q: 2 });
  });
});

describe('previousQuarter, recentQuarters and dayBefore', () => {
  test('step back across a year boundary', () => {
    expect(previousQuarter({ year: 2026, q: 1 })).toEqual({ year: 2025, q: 4 });
    expect(recentQuarters(new Date('2026-02-01T00:00:00+08:00'), 3).map(formatQuarterParam)).toEqual(['2026-q1', '2025-q4', '2025-q3']);
    expect(dayBefore('2026-07-01')).toBe('2026-06-30');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
