import { setTimeout as wait } from 'node:timers/promises';
import { clientSourceOf } from '../../domain/network/ipAddress.ts';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../../domain/staff/password.ts';
import { matchTotp } from '../../domain/staff/totp.ts';
import type { Store } from '../store/openStore.ts';
import { claimTotpStep, findCredentials, upgradePasswordHash } from '../store/staffAccountStore.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { auditLoginRefusal, type RefusalReason, summariseFinishedWindows } from './loginRefusals.ts';
import { clearFailuresAtSource, type LoginKeys, loginThrottle, recordLoginFailure } from '../store/loginThrottleStore.ts';
import { createSession, endSession, type StaffSession } from '../store/sessionStore.ts';

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

/** Waits without holding the event loop; tests pass their own to see the delay without spending it. */
export type Pause = (ms: number) => Promise<void>;
const pauseFor: Pause = (ms) => wait(ms);

type Account = { id: number; regionCode: string };

/** Counts a failure, audits it (see loginRefusals.ts) and any lock it started; returns the outcome to show. */
async function failAttempt(db: Store, keys: LoginKeys, client: LoginClient, account: Account | null, reason: RefusalReason, now: Date): Promise<LoginOutcome> {
  const counted = reason === 'wrong_password' || reason === 'unknown_user' || reason === 'wrong_code';
  const lock = counted ? await recordLoginFailure(db, keys, now) : null;
  await auditLoginRefusal(db, { keys, ip: client.ip, account, reason }, now);
  if (lock) {
    await appendAudit(
      db,
      { id: null, username: keys.username.slice(0, 64), ip: client.ip },
      {
        action: 'login.locked_out',
        regionCode: lock.kind === 'source' ? null : (account?.regionCode ?? null),
        ...(account && lock.kind !== 'source' ? { target: { type: 'staff_account', id: account.id } } : {}),
        detail: { until: lock.until.toISOString(), scope: lock.kind, source: keys.source },
      },
      now,
    );
  }
  return lock ? { kind: 'locked', until: lock.until } : { kind: 'invalid' };
}

/**
 * What every attempt passes first: a lock on this account at this source, or on the whole source, refuses it
 * at once; an account failing from many sources makes it wait before the password is even looked at, so a
 * guess costs time whether it is right or wrong. Returns the refusal, or null to go on.
 */
async function throttleGate(db: Store, keys: LoginKeys, client: LoginClient, account: Account | null, now: Date, pause: Pause): Promise<LoginOutcome | null> {
  await summariseFinishedWindows(db, now);
  const throttle = await loginThrottle(db, keys, now);
  if (throttle.lock) {
    await auditLoginRefusal(db, { keys, ip: client.ip, account, reason: throttle.lock.kind === 'source' ? 'source_locked' : 'locked' }, now);
    return { kind: 'locked', until: throttle.lock.until };
  }
  if (throttle.delayMs > 0) await pause(throttle.delayMs);
  return null;
}

const keysOf = (username: string, client: LoginClient): LoginKeys => ({ username: username.trim().toLowerCase(), source: clientSourceOf(client.ip) });

/**
 * First step of signing in. Every failure looks the same to the person at the keyboard (invalid or locked);
 * the audit log records which it was. A disabled account is only reported after a correct password.
 */
export async function loginWithPassword(
  db: Store,
  input: { username: string; password: string },
  client: LoginClient,
  now = new Date(),
  pause: Pause = pauseFor,
): Promise<LoginOutcome> {
  const keys = keysOf(input.username, client);
  const found = await findCredentials(db, { username: keys.username });
  const account = found ? found.account : null;
  const refused = await throttleGate(db, keys, client, account, now, pause);
  if (refused) return refused;
  const correct = found ? await verifyPassword(input.password, found.passwordHash) : await burnPasswordCheck(input.password);
  if (!found || !correct) return failAttempt(db, keys, client, account, found ? 'wrong_password' : 'unknown_user', now);
  if (found.account.disabled) {
    await failAttempt(db, keys, client, found.account, 'disabled', now);
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
  db: Store,
  keys: LoginKeys,
  account: { id: number; username: string; regionCode: string },
  client: LoginClient,
  now: Date,
  secondFactor: boolean,
): Promise<LoginOutcome> {
  await clearFailuresAtSource(db, keys);
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
  db: Store,
  pending: StaffSession,
  code: string,
  client: LoginClient,
  now = new Date(),
  pause: Pause = pauseFor,
): Promise<LoginOutcome> {
  const found = pending.stage === 'second_factor' ? await findCredentials(db, { id: pending.accountId }) : undefined;
  if (!found?.totpSecret || found.account.disabled) {
    await endSession(db, pending.id);
    return { kind: 'expired' };
  }
  const keys = keysOf(found.account.username, client);
  const refused = await throttleGate(db, keys, client, found.account, now, pause);
  if (refused) return refused;
  const step = matchTotp(found.totpSecret, code, now.getTime(), found.totpLastStep);
  if (step === null || !(await claimTotpStep(db, found.account.id, step))) return failAttempt(db, keys, client, found.account, 'wrong_code', now);
  await endSession(db, pending.id);
  return signIn(db, keys, found.account, client, now, true);
}
