import { describe, expect, test } from 'vitest';
import { escalationsDue, firstDeadline } from '../../../src/domain/reports/escalation.ts';
import { addWorkingDays, deadlineState, isWorkingDay, workingDayDeadline } from '../../../src/domain/reports/workingDays.ts';

// The 2026 calendar as published: National Day holiday 10-01..10-07, Saturday 10-10 a make-up working day.
describe('isWorkingDay (2026 calendar)', () => {
  test('returns false for every day of the National Day holiday', () => {
    for (let d = 1; d <= 7; d += 1) expect(isWorkingDay(`2026-10-0${d}`)).toBe(false);
  });

  test('returns true for the make-up Saturday 2026-10-10 and false for an ordinary Saturday', () => {
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-17')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  test('returns 2026-10-13 for 5 working days after 2026-09-30, across the holiday and the make-up Saturday', () => {
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
  });

  test('returns the next Monday for 1 working day after a Friday', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
  });
});

describe('workingDayDeadline', () => {
  test('returns the end of 2026-10-13 (Shanghai) for a report at 23:30 Shanghai on 2026-09-30', () => {
    const received = new Date('2026-09-30T15:30:00Z'); // 23:30 in Shanghai
    expect(workingDayDeadline(received, 5).toISOString()).toBe('2026-10-13T16:00:00.000Z');
  });

  test('counts from the Shanghai day, not the UTC day, just after midnight in Shanghai', () => {
    const received = new Date('2026-11-23T16:30:00Z'); // Monday in UTC, 00:30 on Tuesday 11-24 in Shanghai
    expect(workingDayDeadline(received, 5).toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });
});

describe('deadlineState', () => {
  const deadline = new Date('2026-10-13T16:00:00Z');

  test('returns due_today during the last day and overdue from the deadline instant on', () => {
    expect(deadlineState(deadline, new Date('2026-10-12T15:59:59Z'))).toBe('on_time');
    expect(deadlineState(deadline, new Date('2026-10-12T16:00:00Z'))).toBe('due_today');
    expect(deadlineState(deadline, new Date('2026-10-13T15:59:59Z'))).toBe('due_today');
    expect(deadlineState(deadline, new Date('2026-10-13T16:00:00Z'))).toBe('overdue');
  });
});

describe('escalationsDue', () => {
  const county = { level: 'county' as const, status: 'received' as const, deadlineAt: firstDeadline(new Date('2026-09-30T02:00:00Z')) };

  test('returns nothing before the county deadline passes', () => {
    expect(escalationsDue(county, new Date('2026-10-13T15:59:59Z'))).toEqual([]);
  });

  test('escalates to the city at the deadline instant with 10 working days counted from the next day', () => {
    const due = escalationsDue(county, new Date('2026-10-14T03:00:00Z'));
    expect(due).toEqual([
      { from: 'county', to: 'city', at: '2026-10-13T16:00:00.000Z', deadlineAt: '2026-10-28T16:00:00.000Z' },
    ]);
  });

  test('returns both steps, dated at each deadline, for a case left untouched past the city deadline too', () => {
    const due = escalationsDue(county, new Date('2026-11-30T00:00:00Z'));
    expect(due.map((e) => `${e.from}→${e.to}@${e.at}`)).toEqual([
      'county→city@2026-10-13T16:00:00.000Z',
      'city→province@2026-10-28T16:00:00.000Z',
    ]);
  });

  test('returns nothing once applied: the case at city level with the new deadline is not escalated again', () => {
    const [step] = escalationsDue(county, new Date('2026-10-14T03:00:00Z'));
    const applied = { level: 'city' as const, status: 'received' as const, deadlineAt: step?.deadlineAt ?? '' };
    expect(escalationsDue(applied, new Date('2026-10-14T03:00:00Z'))).toEqual([]);
  });

  test('returns nothing for a verified case or at province level', () => {
    const late = new Date('2027-01-01T00:00:00Z');
    expect(escalationsDue({ ...county, status: 'verified' }, late)).toEqual([]);
    expect(escalationsDue({ ...county, level: 'province' }, late)).toEqual([]);
  });
});
