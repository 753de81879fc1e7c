import type { NewStaffAccount, StaffAccount } from '../../domain/staff/account.ts';
import { generateTemporaryPassword, hashPassword } from '../../domain/staff/password.ts';
import { canActOn, canActOnKnownRegion } from '../../domain/staff/regionScope.ts';
import type { StaffRole } from '../../domain/staff/roles.ts';
import type { Store } from '../store/openStore.ts';
import { changeAccount, createAccount, getAccount, listAccountsInRegion } from '../store/staffAccountStore.ts';
import { endAllSessions } from '../store/sessionStore.ts';
import { actorOf, requireRole, StaffAuthError, type StaffUser } from './staffAuth.ts';
import { staffRegionTree } from './regionChoices.ts';

/**
 * What an admin may do to accounts: only within its region and below, never to its own account (so that the
 * last admin of a region cannot lock everyone out, and so that every grant of rights is made by someone else).
 */
async function managedAccount(db: Store, admin: StaffUser, id: number): Promise<StaffAccount> {
  requireRole(admin, 'admin');
  const account = await getAccount(db, id);
  if (!account || !canActOn(admin.account.regionCode, account.regionCode)) throw new StaffAuthError('out_of_region');
  if (account.id === admin.account.id) throw new StaffAuthError('missing_role', 'admins cannot change their own account here');
  return account;
}

export async function accountsManagedBy(db: Store, admin: StaffUser): Promise<StaffAccount[]> {
  requireRole(admin, 'admin');
  return listAccountsInRegion(db, admin.account.regionCode);
}

/** The account, when the admin may see it; undefined (not an error) so that pages can answer 404 without a hint. */
export async function accountForAdmin(db: Store, admin: StaffUser, id: number): Promise<StaffAccount | undefined> {
  requireRole(admin, 'admin');
  const account = await getAccount(db, id);
  return account && canActOn(admin.account.regionCode, account.regionCode) ? account : undefined;
}

/**
 * A password chosen by the admin or, when none is given, a generated one returned once for the admin to hand
 * over. Either way the holder must choose their own at first sign-in, so no admin knows a password in use.
 */
async function passwordFor(chosen: string | undefined): Promise<{ hash: string; temporary?: string }> {
  if (chosen) return { hash: await hashPassword(chosen) };
  const temporary = generateTemporaryPassword();
  return { hash: await hashPassword(temporary), temporary };
}

export async function createAccountAs(
  db: Store,
  admin: StaffUser,
  input: NewStaffAccount & { password?: string },
): Promise<{ account: StaffAccount; temporaryPassword?: string }> {
  requireRole(admin, 'admin');
  const tree = await staffRegionTree(db);
  if (!canActOnKnownRegion(tree, admin.account.regionCode, input.regionCode)) throw new StaffAuthError('out_of_region');
  const password = await passwordFor(input.password);
  const account = await createAccount(db, { ...input, passwordHash: password.hash, mustChangePassword: true }, actorOf(admin));
  return { account, ...(password.temporary ? { temporaryPassword: password.temporary } : {}) };
}

export async function setRolesAs(db: Store, admin: StaffUser, id: number, roles: StaffRole[]): Promise<StaffAccount> {
  await managedAccount(db, admin, id);
  return changeAccount(db, id, { action: 'account.roles', roles }, actorOf(admin));
}

/** Disabling also ends every session of the account, so it takes effect at once and not at the next login. */
export async function setDisabledAs(db: Store, admin: StaffUser, id: number, disabled: boolean): Promise<StaffAccount> {
  await managedAccount(db, admin, id);
  const account = await changeAccount(db, id, { action: disabled ? 'account.disable' : 'account.enable' }, actorOf(admin));
  if (disabled) await endAllSessions(db, id);
  return account;
}

export async function resetPasswordAs(
  db: Store,
  admin: StaffUser,
  id: number,
  chosen?: string,
): Promise<{ temporaryPassword?: string }> {
  await managedAccount(db, admin, id);
  const password = await passwordFor(chosen);
  await changeAccount(db, id, { action: 'account.password_reset', passwordHash: password.hash, mustChangePassword: true }, actorOf(admin));
  await endAllSessions(db, id);
  return password.temporary ? { temporaryPassword: password.temporary } : {};
}

/** For someone who lost their phone: they sign in with the password alone and enrol again. */
export async function resetTotpAs(db: Store, admin: StaffUser, id: number): Promise<StaffAccount> {
  await managedAccount(db, admin, id);
  return changeAccount(db, id, { action: 'totp.disable' }, actorOf(admin));
}
