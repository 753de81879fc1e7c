import { describe, expect, test } from 'vitest';
import { deadlineMark } from '../../../src/domain/reports/deadlineMark.ts';
import { parseIntakeQueueFilter } from '../../../src/domain/reports/intakeQueueFilter.ts';

describe('deadlineMark', () => {
  // Deadline: end of Friday 2026-12-04 in Shanghai.
  const deadline = '2026-12-04T16:00:00.000Z';
  test('due today on the last day (Shanghai), overdue once it passed, nothing before or once verified', () => {
    expect(deadlineMark('received', deadline, new Date('2026-12-03T15:59:00Z'))).toBeNull();
    expect(deadlineMark('assigned', deadline, new Date('2026-12-03T16:00:00Z'))).toBe('due_today');
    expect(deadlineMark('verifying', deadline, new Date('2026-12-04T15:59:59Z'))).toBe('due_today');
    expect(deadlineMark('received', deadline, new Date('2026-12-04T16:00:00Z'))).toBe('overdue');
    expect(deadlineMark('verified', deadline, new Date('2026-12-05T00:00:00Z'))).toBeNull();
  });
});

describe('parseIntakeQueueFilter', () => {
  test('empty or malformed fields mean "any"; status defaults to open', () => {
    expect(parseIntakeQueueFilter(new URLSearchParams('status=&region=3602000&deadline=soon&drug='))).toEqual({ status: 'open' });
    expect(parseIntakeQueueFilter(new URLSearchParams('status=closed&region=360203&deadline=overdue&drug=%E5%B8%83%E6%B4%9B%E8%8A%AC'))).toEqual({
      status: 'closed',
      region: '360203',
      deadline: 'overdue',
      drug: '布洛芬',
    });
  });
});
