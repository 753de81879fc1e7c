import { describe, expect, test } from 'vitest';
import {
  afterFailure,
  attemptDelayMs,
  backoffMs,
  cleanThrottle,
  lockedUntil,
  minutesUntil,
  type ThrottleKind,
  type ThrottleState,
  throttleRules,
} from '../../../src/domain/staff/lockout.ts';

const minute = 60_000;
const start = new Date('2026-03-02T01:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const pair = throttleRules.account_at_source.policy;

function fail(times: number, kind: ThrottleKind = 'account_at_source', state: ThrottleState = cleanThrottle, gapMs = 1000): ThrottleState {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailure(s, at((i + 1) * gapMs), kind);
  return s;
}

describe('backoffMs', () => {
  test('returns 0 for the first four failures of an account at one source and 1 minute at the fifth', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, pair))).toEqual([0, 0, 0, 0]);
    expect(backoffMs(5, pair)).toBe(minute);
  });

  test('doubles with each further failure up to the one-hour cap', () => {
    expect([6, 7, 8, 9, 10].map((n) => backoffMs(n, pair) / minute)).toEqual([2, 4, 8, 16, 32]);
    expect(backoffMs(11, pair)).toBe(60 * minute);
    expect(backoffMs(10_000, pair)).toBe(60 * minute);
  });

  test('tolerates 20 failures from one source across accounts before the first lock', () => {
    expect(backoffMs(19, throttleRules.source.policy)).toBe(0);
    expect(backoffMs(20, throttleRules.source.policy)).toBe(minute);
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

  test('never locks the account counter, however many failures it counts', () => {
    const state = fail(500, 'account');
    expect(state.failures).toBe(500);
    expect(state.lockedUntil).toBeNull();
  });

  test('starts counting again after a day without failures', () => {
    const next = afterFailure(fail(5), at(25 * 60 * minute), 'account_at_source');
    expect(next.failures).toBe(1);
    expect(next.lockedUntil).toBeNull();
  });
});

describe('attemptDelayMs', () => {
  test('returns no delay up to nine failures across sources, then half a second, doubling to 4 s', () => {
    expect(attemptDelayMs(fail(9, 'account'), at(10_000))).toBe(0);
    expect(attemptDelayMs(fail(10, 'account'), at(11_000))).toBe(500);
    expect(attemptDelayMs(fail(11, 'account'), at(12_000))).toBe(1000);
    expect(attemptDelayMs(fail(50, 'account'), at(51_000))).toBe(4000);
  });

  test('returns no delay once the account has been quiet for an hour', () => {
    expect(attemptDelayMs(fail(50, 'account'), at(50_000 + 60 * minute + 1))).toBe(0);
  });
});

describe('lockedUntil', () => {
  test('returns the end of the lock while it lasts and null once it has passed', () => {
    const state = fail(5);
    expect(lockedUntil(state, at(5000 + minute - 1))).toEqual(at(5000 + minute));
    expect(lockedUntil(state, at(5000 + minute))).toBeNull();
  });

  test('returns a two-minute lock for the sixth failure made after the first lock ended', () => {
    const sixth = afterFailure(fail(5), at(5000 + minute), 'account_at_source');
    expect(lockedUntil(sixth, at(5000 + minute))).toEqual(at(5000 + 3 * minute));
  });
});

describe('minutesUntil', () => {
  test('rounds up, and never says 0 minutes', () => {
    expect(minutesUntil(at(61_000), start)).toBe(2);
    expect(minutesUntil(at(1), start)).toBe(1);
  });
});
