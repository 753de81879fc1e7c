import { clientSourceOf } from '../../domain/network/ipAddress.ts';
import { hashPassword, verifyPassword } from '../../domain/staff/password.ts';
import { generateTotpSecret, matchTotp, otpauthUri } from '../../domain/staff/totp.ts';
import { st } from '../../i18n/staff.zh-CN.ts';
import type { Store } from '../store/openStore.ts';
import { changeAccount, findCredentials, savePendingTotpSecret } from '../store/staffAccountStore.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { loginThrottle, recordLoginFailure } from '../store/loginThrottleStore.ts';
import { endAllSessions, endSession } from '../store/sessionStore.ts';
import { actorOf, type StaffUser } from './staffAuth.ts';

/** What a signed-in person does to their own account: password, TOTP, signing out. */

export type SecurityOutcome = 'ok' | 'wrong_password' | 'wrong_code' | 'locked';

/**
 * Re-checks the current password before a sensitive change, so that a session left open on a shared
 * computer is not enough to take the account over. Wrong guesses count towards the login lock-out.
 */
async function confirmPassword(db: Store, user: StaffUser, password: string): Promise<SecurityOutcome> {
  const keys = { username: user.account.username, source: clientSourceOf(user.ip) };
  const now = new Date();
  if ((await loginThrottle(db, keys, now)).lock) return 'locked';
  const found = await findCredentials(db, { id: user.account.id });
  if (found && (await verifyPassword(password, found.passwordHash))) return 'ok';
  await recordLoginFailure(db, keys, now);
  return 'wrong_password';
}

/** Changes the password and signs out every other device, which is what someone fearing a leak expects. */
export async function changeOwnPassword(db: Store, user: StaffUser, current: string, next: string): Promise<SecurityOutcome> {
  const confirmed = await confirmPassword(db, user, current);
  if (confirmed !== 'ok') return confirmed;
  const passwordHash = await hashPassword(next);
  await changeAccount(db, user.account.id, { action: 'password.change', passwordHash, mustChangePassword: false }, actorOf(user));
  await endAllSessions(db, user.account.id, user.session.id);
  return 'ok';
}

export interface TotpEnrolment {
  enabled: boolean;
  /** Set while enrolling: the secret and the URI the QR code shows. */
  pending?: { secret: string; uri: string };
}

export async function totpEnrolment(db: Store, user: StaffUser): Promise<TotpEnrolment> {
  const found = await findCredentials(db, { id: user.account.id });
  if (!found) return { enabled: false };
  if (found.account.totpEnabled || !found.totpSecret) return { enabled: found.account.totpEnabled };
  const uri = otpauthUri({ secret: found.totpSecret, account: found.account.username, issuer: st('staff.name') });
  return { enabled: false, pending: { secret: found.totpSecret, uri } };
}

export async function startTotpEnrolment(db: Store, user: StaffUser): Promise<void> {
  await savePendingTotpSecret(db, user.account.id, generateTotpSecret());
}

/** Enrolment only counts once the phone has shown a correct code, so a mistyped secret cannot lock anyone out. */
export async function confirmTotpEnrolment(
  db: Store,
  user: StaffUser,
  code: string,
  now = new Date(),
): Promise<SecurityOutcome> {
  const found = await findCredentials(db, { id: user.account.id });
  if (!found?.totpSecret || found.account.totpEnabled) return 'wrong_code';
  const step = matchTotp(found.totpSecret, code, now.getTime());
  if (step === null) return 'wrong_code';
  await changeAccount(db, user.account.id, { action: 'totp.enable', totpLastStep: step }, actorOf(user));
  return 'ok';
}

export async function disableOwnTotp(db: Store, user: StaffUser, password: string): Promise<SecurityOutcome> {
  const confirmed = await confirmPassword(db, user, password);
  if (confirmed !== 'ok') return confirmed;
  await changeAccount(db, user.account.id, { action: 'totp.disable' }, actorOf(user));
  return 'ok';
}

export async function logout(db: Store, user: StaffUser): Promise<void> {
  await endSession(db, user.session.id);
  await appendAudit(db, actorOf(user), { action: 'logout', regionCode: user.account.regionCode });
}

export async function logoutEverywhere(db: Store, user: StaffUser): Promise<number> {
  const ended = await endAllSessions(db, user.account.id);
  await appendAudit(db, actorOf(user), { action: 'logout.everywhere', regionCode: user.account.regionCode, detail: { sessionsEnded: ended } });
  return ended;
}
