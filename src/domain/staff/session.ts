/**
 * When a staff session ends. Idle expiry limits what a forgotten unlocked laptop in a clinic gives away;
 * the absolute limit makes everyone sign in again once per working day.
 */
export const sessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  /** Between a correct password and the TOTP code; long enough to find the phone. */
  secondFactorMs: 5 * 60_000,
  /** Writing last_seen_at on every request would make each page view a write; a minute is precise enough. */
  touchEveryMs: 60_000,
} as const;

export type SessionStage = 'second_factor' | 'active';

export interface SessionTimes {
  stage: SessionStage;
  createdAt: Date;
  lastSeenAt: Date;
}

export type SessionStatus = 'active' | 'idle_expired' | 'absolute_expired';

export function sessionStatus(session: SessionTimes, now: Date): SessionStatus {
  const age = now.getTime() - session.createdAt.getTime();
  const limit = session.stage === 'second_factor' ? sessionPolicy.secondFactorMs : sessionPolicy.absoluteMs;
  if (age >= limit) return 'absolute_expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.idleMs) return 'idle_expired';
  return 'active';
}

export function shouldTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy.touchEveryMs;
}
