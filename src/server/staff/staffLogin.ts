import type { Kysely } from 'kysely';
import type { AuditActor } from '../../domain/staff/audit.ts';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../../domain/staff/password.ts';
import { matchTotp } from '../../domain/staff/totp.ts';
import type { Database } from '../store/schema.ts';
import { claimTotpStep, findCredentials, upgradePasswordHash } from './accountStore.ts';
import { appendAudit } from './auditLog.ts';
import { clearAccountFailures, type LoginKeys, loginLockedUntil, recordLoginFailure } from './loginThrottleStore.ts';
import { createSession, endSession, type StaffSession } from './sessionStore.ts';

export interface LoginClient {
  ip: string | null;
  userAgent: string | null;
}

export type LoginOutcome =
  | { kind: 'locked'; until: Date }
  | { kind: 'invalid' }
  | { kind: 'disabled' }
  /** The half-way session is gone (expired, account disabled, TOTP switched off): start again. */
  | { kind: 'expired' }
  | { kind: 'second_factor'; token: string; session: StaffSession }
  | { kind: 'signed_in'; token: string; session: StaffSession };

type FailureReason = 'locked' | 'unknown_user' | 'wrong_password' | 'disabled' | 'wrong_code';

/** Audits a failed attempt and, when it started a lock, the lock too; returns the lock end if any. */
async function failAttempt(
  db: Kysely<Database>,
  keys: LoginKeys,
  account: { id: number; regionCode: string } | null,
  reason: FailureReason,
  now: Date,
): Promise<Date | null> {
  const lock = reason === 'locked' || reason === 'disabled' ? null : await recordLoginFailure(db, keys, now);
  const actor: AuditActor = { id: null, username: keys.username.slice(0, 64), ip: keys.ip };
  const about = { regionCode: account?.regionCode ?? null, ...(account ? { target: { type: 'staff_account', id: account.id } } : {}) };
  await appendAudit(db, actor, { action: 'login.failure', ...about, detail: { reason } }, now);
  if (lock) await appendAudit(db, actor, { action: 'login.locked_out', ...about, detail: { until: lock.toISOString() } }, now);
  return lock;
}

/**
 * First step of signing in. Every failure looks the same to the person at the keyboard (invalid or locked);
 * the audit log records which it was. A disabled account is only reported after a correct password.
 */
export async function loginWithPassword(
  db: Kysely<Database>,
  input: { username: string; password: string },
  client: LoginClient,
  now = new Date(),
): Promise<LoginOutcome> {
  const keys: LoginKeys = { username: input.username.trim().toLowerCase(), ip: client.ip };
  const found = await findCredentials(db, { username: keys.username });
  const account = found ? found.account : null;
  const locked = await loginLockedUntil(db, keys, now);
  if (locked) {
    await failAttempt(db, keys, account, 'locked', now);
    return { kind: 'locked', until: locked };
  }
  const correct = found ? await verifyPassword(input.password, found.passwordHash) : await burnPasswordCheck(input.password);
  if (!found || !correct) {
    const lock = await failAttempt(db, keys, account, found ? 'wrong_password' : 'unknown_user', now);
    return lock ? { kind: 'locked', until: lock } : { kind: 'invalid' };
  }
  if (found.account.disabled) {
    await failAttempt(db, keys, found.account, 'disabled', now);
    return { kind: 'disabled' };
  }
  if (needsRehash(found.passwordHash)) await upgradePasswordHash(db, found.account.id, await hashPassword(input.password));
  if (found.account.totpEnabled && found.totpSecret) {
    const { token, session } = await createSession(db, found.account.id, 'second_factor', client, now);
    return { kind: 'second_factor', token, session };
  }
  return signIn(db, keys, found.account, client, now, false);
}

async function signIn(
  db: Kysely<Database>,
  keys: LoginKeys,
  account: { id: number; username: string; regionCode: string },
  client: LoginClient,
  now: Date,
  secondFactor: boolean,
): Promise<LoginOutcome> {
  await clearAccountFailures(db, keys.username);
  const { token, session } = await createSession(db, account.id, 'active', client, now);
  await appendAudit(
    db,
    { id: account.id, username: account.username, ip: client.ip },
    { action: 'login.success', regionCode: account.regionCode, target: { type: 'staff_account', id: account.id }, detail: { secondFactor } },
    now,
  );
  return { kind: 'signed_in', token, session };
}

/**
 * Second step, for accounts with TOTP. Wrong codes count towards the same lock-out as wrong passwords, since
 * a million codes are otherwise quick to try. On success the half-way session is replaced by a new one, so a
 * session id seen before the second factor is worthless after it.
 */
export async function completeSecondFactor(
  db: Kysely<Database>,
  pending: StaffSession,
  code: string,
  client: LoginClient,
  now = new Date(),
): Promise<LoginOutcome> {
  const found = pending.stage === 'second_factor' ? await findCredentials(db, { id: pending.accountId }) : undefined;
  if (!found?.totpSecret || found.account.disabled) {
    await endSession(db, pending.id);
    return { kind: 'expired' };
  }
  const keys: LoginKeys = { username: found.account.username, ip: client.ip };
  const locked = await loginLockedUntil(db, keys, now);
  if (locked) {
    await failAttempt(db, keys, found.account, 'locked', now);
    return { kind: 'locked', until: locked };
  }
  const step = matchTotp(found.totpSecret, code, now.getTime(), found.totpLastStep);
  if (step === null || !(await claimTotpStep(db, found.account.id, step))) {
    const lock = await failAttempt(db, keys, found.account, 'wrong_code', now);
    return lock ? { kind: 'locked', until: lock } : { kind: 'invalid' };
  }
  await endSession(db, pending.id);
  return signIn(db, keys, found.account, client, now, true);
}
