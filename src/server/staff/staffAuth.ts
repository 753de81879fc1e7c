import type { StaffAccount } from '../../domain/staff/account.ts';
import type { AuditActor } from '../../domain/staff/audit.ts';
import { canActOn } from '../../domain/staff/regionScope.ts';
import { hasAnyRole, type StaffRole } from '../../domain/staff/roles.ts';
import type { Store } from '../store/openStore.ts';
import { getAccount } from '../store/staffAccountStore.ts';
import { endSession, findSession, type StaffSession } from '../store/sessionStore.ts';

/** The signed-in person for one request, with the address the request came from for the audit log. */
export interface StaffUser {
  account: StaffAccount;
  session: StaffSession;
  ip: string | null;
}

export type StaffAuthErrorCode = 'not_signed_in' | 'missing_role' | 'out_of_region' | 'csrf';

/** Thrown by the require* checks; staffMiddleware and pages turn it into a redirect or a 403 page. */
export class StaffAuthError extends Error {
  readonly code: StaffAuthErrorCode;
  constructor(code: StaffAuthErrorCode, message: string = code) {
    super(message);
    this.name = 'StaffAuthError';
    this.code = code;
  }
}

export type StaffResolution =
  | { user: StaffUser }
  | { user: null; reason: 'missing' | 'idle_expired' | 'absolute_expired' | 'second_factor' | 'disabled' };

/**
 * The account behind a session cookie, read fresh on every request so that disabling an account or changing
 * its roles takes effect on the very next click, not at the next login.
 */
export async function resolveStaffUser(
  db: Store,
  token: string | undefined,
  ip: string | null,
  now = new Date(),
): Promise<StaffResolution> {
  const found = await findSession(db, token, now);
  if (found.status !== 'active') return { user: null, reason: found.status };
  if (found.session.stage !== 'active') return { user: null, reason: 'second_factor' };
  const account = await getAccount(db, found.session.accountId);
  if (!account || account.disabled) {
    await endSession(db, found.session.id);
    return { user: null, reason: 'disabled' };
  }
  return { user: { account, session: found.session, ip } };
}

export function requireRole(user: StaffUser, ...roles: StaffRole[]): void {
  if (!hasAnyRole(user.account.roles, roles)) throw new StaffAuthError('missing_role', `needs one of ${roles.join(', ')}`);
}

/** Throws unless the user's region is `targetRegion` or above it. */
export function requireRegion(user: StaffUser, targetRegion: string): void {
  if (!canActOn(user.account.regionCode, targetRegion)) {
    throw new StaffAuthError('out_of_region', `${user.account.regionCode} cannot act on ${targetRegion}`);
  }
}

/** Both checks at once, which is what almost every write needs. */
export function requireRoleIn(user: StaffUser, role: StaffRole, targetRegion: string): void {
  requireRole(user, role);
  requireRegion(user, targetRegion);
}

export function actorOf(user: StaffUser): AuditActor {
  return { id: user.account.id, username: user.account.username, ip: user.ip };
}

/** The user the guard put in `locals.staff`; throws when a page is reached without the guard, a wiring bug. */
export function staffUserOf(locals: object): StaffUser {
  // Typed loosely so that pages compile whatever App.Locals declares; the shape is checked here instead.
  const staff: unknown = 'staff' in locals ? locals.staff : undefined;
  if (typeof staff !== 'object' || staff === null || !('account' in staff) || !('session' in staff)) {
    throw new StaffAuthError('not_signed_in', 'staffGuard did not run for this staff page');
  }
  return staff as StaffUser;
}
