/**
 * Back-off after failed logins. Pure: the store keeps the counters, this decides what they mean. Two policies
 * because an account and an IP address differ: many staff of one 卫健委 office share a single NAT address, so
 * the address tolerates more failures before it is slowed down.
 */
export interface LockoutPolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** Length of the first lock; every further failure doubles it. */
  firstLockMs: number;
  maxLockMs: number;
  /** A quiet period after which old failures are forgotten, so a typo last week does not count today. */
  forgetAfterMs: number;
}

const minute = 60_000;
const hour = 60 * minute;

export const accountLockoutPolicy: LockoutPolicy = {
  freeFailures: 5,
  firstLockMs: minute,
  maxLockMs: hour,
  forgetAfterMs: 24 * hour,
};

export const ipLockoutPolicy: LockoutPolicy = {
  freeFailures: 20,
  firstLockMs: minute,
  maxLockMs: hour,
  forgetAfterMs: 24 * hour,
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const cleanThrottle: ThrottleState = { failures: 0, lastFailureAt: null, lockedUntil: null };

/** 0 up to the free failures, then 1 min, 2 min, 4 min … up to the cap. */
export function lockDurationMs(failures: number, policy: LockoutPolicy): number {
  const over = failures - policy.freeFailures;
  if (over < 0) return 0;
  // Capping the exponent first keeps 2 ** n finite however many failures pile up.
  const doubled = policy.firstLockMs * 2 ** Math.min(over, 40);
  return Math.min(doubled, policy.maxLockMs);
}

/** The moment attempts are allowed again, or null when they are allowed now. */
export function lockedUntil(state: ThrottleState, now: Date): Date | null {
  return state.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState, now: Date, policy: LockoutPolicy): ThrottleState {
  const quietFor = state.lastFailureAt ? now.getTime() - state.lastFailureAt.getTime() : Number.POSITIVE_INFINITY;
  const failures = (quietFor > policy.forgetAfterMs ? 0 : state.failures) + 1;
  const lockMs = lockDurationMs(failures, policy);
  return { failures, lastFailureAt: now, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null };
}

/** Whole minutes to tell a person, rounded up so that "1 分钟" never means "try now and fail". */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / minute));
}
