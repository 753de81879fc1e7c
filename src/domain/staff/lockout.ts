/**
 * Back-off after failed logins. Pure: the store keeps the counters, this decides what they mean.
 *
 * Three counters, because a lock is also a weapon: were the account locked for everyone, anyone could keep the
 * admin out by typing wrong passwords. So the lock falls on the account *at one source* (an IPv4 address or an
 * IPv6 /64, see domain/network), and the owner elsewhere can still sign in. Failures for the account from all
 * sources together never lock it; past a threshold they make every attempt on it wait a little (a cost an
 * attacker pays per guess, the owner once). And one source failing on many accounts (credential stuffing) is
 * locked as a whole, with more room since many staff of one 卫健委 office share a single NAT address.
 */
export interface BackoffPolicy {
  /** Failures allowed before any back-off. */
  freeFailures: number;
  /** Back-off at the first failure past the free ones; every further failure doubles it. */
  firstMs: number;
  maxMs: number;
  /** A quiet period after which old failures are forgotten, so a typo last week does not count today. */
  forgetAfterMs: number;
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

export type ThrottleKind = 'account_at_source' | 'source' | 'account';

/** What each counter does once past its free failures: lock attempts out, or delay them. */
export const throttleRules: Record<ThrottleKind, { effect: 'lock' | 'delay'; policy: BackoffPolicy }> = {
  account_at_source: { effect: 'lock', policy: { freeFailures: 5, firstMs: minute, maxMs: hour, forgetAfterMs: 24 * hour } },
  source: { effect: 'lock', policy: { freeFailures: 20, firstMs: minute, maxMs: hour, forgetAfterMs: 24 * hour } },
  // Ten failures from anywhere in an hour: from then on 0.5 s, 1 s, 2 s, then 4 s before every attempt.
  account: { effect: 'delay', policy: { freeFailures: 10, firstMs: 500, maxMs: 4 * second, forgetAfterMs: hour } },
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const cleanThrottle: ThrottleState = { failures: 0, lastFailureAt: null, lockedUntil: null };

/** 0 before the free failures are used up, then first, double, double … up to the cap. */
export function backoffMs(failures: number, policy: BackoffPolicy): number {
  const over = failures - policy.freeFailures;
  if (over < 0) return 0;
  // Capping the exponent first keeps 2 ** n finite however many failures pile up.
  return Math.min(policy.firstMs * 2 ** Math.min(over, 40), policy.maxMs);
}

/** Failures that still count at `now`: none after a quiet period. */
export function recentFailures(state: ThrottleState, now: Date, policy: BackoffPolicy): number {
  const quietFor = state.lastFailureAt ? now.getTime() - state.lastFailureAt.getTime() : Number.POSITIVE_INFINITY;
  return quietFor > policy.forgetAfterMs ? 0 : state.failures;
}

/** The moment attempts are allowed again, or null when they are allowed now. */
export function lockedUntil(state: ThrottleState, now: Date): Date | null {
  return state.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The state of a counter of `kind` after one more failure at `now`; only locking counters get a lock end. */
export function afterFailure(state: ThrottleState, now: Date, kind: ThrottleKind): ThrottleState {
  const { effect, policy } = throttleRules[kind];
  const failures = recentFailures(state, now, policy) + 1;
  const lockMs = effect === 'lock' ? backoffMs(failures, policy) : 0;
  return { failures, lastFailureAt: now, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null };
}

/** How long an attempt on an account waits first, from the account's failures across all sources. */
export function attemptDelayMs(accountState: ThrottleState, now: Date): number {
  const { policy } = throttleRules.account;
  return backoffMs(recentFailures(accountState, now, policy), policy);
}

/** Whole minutes to tell a person, rounded up so that "1 分钟" never means "try now and fail". */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / minute));
}
