import { expect, test } from 'vitest';
import { closureForm, isClosedAt } from '../../../src/domain/facilities/facilityClosure.ts';

test('a closure applies from 00:00 Beijing time on its day', () => {
  const closure = { closedFrom: '2026-12-03' };
  expect(isClosedAt(closure, new Date('2026-12-02T23:59:00+08:00'))).toBe(false);
  expect(isClosedAt(closure, new Date('2026-12-03T00:00:00+08:00'))).toBe(true);
  expect(isClosedAt(undefined, new Date())).toBe(false);
});

test('the staff form needs a real date and keeps the note short', () => {
  expect(closureForm.parse({ closedFrom: '2026-12-03', note: ' ' })).toEqual({ closedFrom: '2026-12-03', note: null });
  expect(closureForm.safeParse({ closedFrom: '2026-13-40' }).error?.issues[0]?.message).toContain('关闭日期');
  expect(closureForm.safeParse({ closedFrom: '2026-12-03', note: '长'.repeat(201) }).error?.issues[0]?.message).toContain('说明');
});
