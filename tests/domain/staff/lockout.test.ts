import { describe, expect, test } from 'vitest';
import {
  accountLockoutPolicy,
  afterFailure,
  cleanThrottle,
  ipLockoutPolicy,
  lockDurationMs,
  lockedUntil,
  minutesUntil,
  type ThrottleState,
} from '../../../src/domain/staff/lockout.ts';

const minute = 60_000;
const start = new Date('2026-03-02T01:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

function fail(times: number, state: ThrottleState = cleanThrottle, gapMs = 1000): ThrottleState {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailure(s, at((i + 1) * gapMs), accountLockoutPolicy);
  return s;
}

describe('lockDurationMs', () => {
  test('returns 0 for the first four failures and 1 minute at the fifth', () => {
    expect([1, 2, 3, 4].map((n) => lockDurationMs(n, accountLockoutPolicy))).toEqual([0, 0, 0, 0]);
    expect(lockDurationMs(5, accountLockoutPolicy)).toBe(minute);
  });

  test('doubles with each further failure up to the one-hour cap', () => {
    expect([6, 7, 8, 9, 10].map((n) => lockDurationMs(n, accountLockoutPolicy) / minute)).toEqual([2, 4, 8, 16, 32]);
    expect(lockDurationMs(11, accountLockoutPolicy)).toBe(60 * minute);
    expect(lockDurationMs(10_000, accountLockoutPolicy)).toBe(60 * minute);
  });

  test('tolerates 20 failures from one address before the first lock', () => {
    expect(lockDurationMs(19, ipLockoutPolicy)).toBe(0);
    expect(lockDurationMs(20, ipLockoutPolicy)).toBe(minute);
  });
});

describe('afterFailure', () => {
  test('returns a lock ending one minute after the fifth failure', () => {
    const state = fail(5);
    expect(state.failures).toBe(5);
    expect(state.lockedUntil).toEqual(at(5000 + minute));
  });

  test('returns no lock after four failures', () => {
    expect(fail(4).lockedUntil).toBeNull();
  });

  test('starts counting again after a day without failures', () => {
    const old = fail(5);
    const next = afterFailure(old, at(25 * 60 * minute), accountLockoutPolicy);
    expect(next.failures).toBe(1);
    expect(next.lockedUntil).toBeNull();
  });
});

describe('lockedUntil', () => {
  test('returns the end of the lock while it lasts and null once it has passed', () => {
    const state = fail(5);
    expect(lockedUntil(state, at(5000 + minute - 1))).toEqual(at(5000 + minute));
    expect(lockedUntil(state, at(5000 + minute))).toBeNull();
  });

  test('returns a two-minute lock for the sixth failure made after the first lock ended', () => {
    const afterFirst = fail(5);
    const sixth = afterFailure(afterFirst, at(5000 + minute), accountLockoutPolicy);
    expect(lockedUntil(sixth, at(5000 + minute))).toEqual(at(5000 + 3 * minute));
  });
});

describe('minutesUntil', () => {
  test('rounds up, and never says 0 minutes', () => {
    expect(minutesUntil(at(61_000), start)).toBe(2);
    expect(minutesUntil(at(1), start)).toBe(1);
  });
});
