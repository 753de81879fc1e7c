import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { verifyPassword } from '../../../src/domain/staff/password.ts';
import {
  accountForAdmin,
  accountsManagedBy,
  createAccountAs,
  resetPasswordAs,
  setDisabledAs,
  setRolesAs,
} from '../../../src/server/staff/accountAdmin.ts';
import { findCredentials } from '../../../src/server/store/staffAccountStore.ts';
import { countSessions } from '../../../src/server/store/sessionStore.ts';
import { resolveStaffUser, StaffAuthError, type StaffUser } from '../../../src/server/staff/staffAuth.ts';
import type { Store } from '../../../src/server/store/openStore.ts';
import { loginWithPassword } from '../../../src/server/staff/staffLogin.ts';
import { auditActions, openTestStore, seedAccount, signedIn, testPassword } from './staffFixtures.ts';

let store: Store;
let close: () => Promise<void>;
let cityAdmin: StaffUser;
let countyAdmin: StaffUser;
beforeEach(async () => {
  ({ store, close } = await openTestStore());
  await seedAccount(store, 'city.admin', '3602', ['admin']);
  await seedAccount(store, 'zhushan.admin', '360203', ['admin']);
  cityAdmin = await signedIn(store, 'city.admin');
  countyAdmin = await signedIn(store, 'zhushan.admin');
});
afterEach(async () => close());

const newAccount = (regionCode: string) => ({ username: 'chen.jing', displayName: '陈静', regionCode, roles: ['publisher' as const] });

async function lastAudit() {
  const row = await store.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { ...row, before: JSON.parse(row.before_json ?? 'null'), after: JSON.parse(row.after_json ?? 'null') };
}

async function expectRefused(promise: Promise<unknown>, code: StaffAuthError['code']) {
  await expect(promise).rejects.toBeInstanceOf(StaffAuthError);
  await promise.catch((e: StaffAuthError) => expect(e.code).toBe(code));
}

describe('createAccountAs', () => {
  test('creates an account in a county of the admin’s city and audits it with the admin as actor', async () => {
    const { account, temporaryPassword } = await createAccountAs(store, cityAdmin, newAccount('360222'));
    expect(account).toMatchObject({ username: 'chen.jing', regionCode: '360222', roles: ['publisher'], mustChangePassword: true });
    const credentials = await findCredentials(store, { id: account.id });
    expect(await verifyPassword(temporaryPassword ?? '', credentials?.passwordHash ?? '')).toBe(true);
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: 'account.create', actor_username: 'city.admin', ip: '192.0.2.10', region_code: '360222', target_id: String(account.id) });
    expect(entry.after).toEqual({ username: 'chen.jing', displayName: '陈静', regionCode: '360222', roles: ['publisher'], totpEnabled: false, disabled: false });
    expect(entry.after_json).not.toContain('scrypt');
  });

  test('refuses a county admin creating for its neighbour county or its city, and writes nothing', async () => {
    const before = await auditActions(store);
    await expectRefused(createAccountAs(store, countyAdmin, newAccount('360202')), 'out_of_region');
    await expectRefused(createAccountAs(store, countyAdmin, newAccount('3602')), 'out_of_region');
    expect(await auditActions(store)).toEqual(before);
    expect(await findCredentials(store, { username: 'chen.jing' })).toBeUndefined();
  });

  test('refuses a region code the tree does not know, even below the admin’s region', async () => {
    await expectRefused(createAccountAs(store, cityAdmin, newAccount('360299')), 'out_of_region');
  });

  test('refuses an account without the admin role', async () => {
    await seedAccount(store, 'data.clerk', '3602', ['data']);
    const clerk = await signedIn(store, 'data.clerk');
    await expectRefused(createAccountAs(store, clerk, newAccount('360222')), 'missing_role');
  });
});

describe('setRolesAs', () => {
  test('changes roles and audits the before and after role lists', async () => {
    const { account } = await createAccountAs(store, cityAdmin, newAccount('360203'));
    await setRolesAs(store, countyAdmin, account.id, ['publisher', 'reviewer']);
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: 'account.roles', actor_username: 'zhushan.admin', region_code: '360203' });
    expect(entry.before).toEqual({ roles: ['publisher'] });
    expect(entry.after).toEqual({ roles: ['publisher', 'reviewer'] });
  });

  test('refuses a county admin changing an account of the city, and an admin changing itself', async () => {
    const cityAccount = await createAccountAs(store, cityAdmin, newAccount('3602'));
    await expectRefused(setRolesAs(store, countyAdmin, cityAccount.account.id, ['admin']), 'out_of_region');
    await expectRefused(setRolesAs(store, cityAdmin, cityAdmin.account.id, ['admin', 'data']), 'missing_role');
  });
});

describe('setDisabledAs', () => {
  test('disables an account and ends its sessions at once', async () => {
    const wang = await seedAccount(store, 'wang.fang', '360203', ['intake']);
    const login = await loginWithPassword(store, { username: 'wang.fang', password: testPassword }, { ip: null, userAgent: null });
    if (login.kind !== 'signed_in') throw new Error(login.kind);
    expect((await resolveStaffUser(store, login.token, null)).user?.account.id).toBe(wang.id);
    await setDisabledAs(store, countyAdmin, wang.id, true);
    expect(await countSessions(store, wang.id)).toBe(0);
    expect((await lastAudit()).action).toBe('account.disable');
    expect((await resolveStaffUser(store, login.token, null)).user).toBeNull();
    expect((await loginWithPassword(store, { username: 'wang.fang', password: testPassword }, { ip: null, userAgent: null })).kind).toBe('disabled');
  });
});

describe('resetPasswordAs', () => {
  test('returns a new password once, requires a change at next login and signs the account out', async () => {
    await seedAccount(store, 'wang.fang', '360203', ['intake']);
    const wang = await signedIn(store, 'wang.fang');
    const { temporaryPassword } = await resetPasswordAs(store, cityAdmin, wang.account.id);
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await countSessions(store, wang.account.id)).toBe(0);
    expect((await findCredentials(store, { id: wang.account.id }))?.account.mustChangePassword).toBe(true);
    expect((await lastAudit()).action).toBe('account.password_reset');
  });
});

describe('accountsManagedBy and accountForAdmin', () => {
  test('lists the county admin’s county only, and hides the city’s accounts from it', async () => {
    await seedAccount(store, 'changjiang.clerk', '360202', ['data']);
    await seedAccount(store, 'zhushan.clerk', '360203001', ['data']);
    expect((await accountsManagedBy(store, countyAdmin)).map((a) => a.username)).toEqual(['zhushan.admin', 'zhushan.clerk']);
    expect((await accountsManagedBy(store, cityAdmin)).map((a) => a.username)).toEqual(['city.admin', 'changjiang.clerk', 'zhushan.admin', 'zhushan.clerk']);
    expect(await accountForAdmin(store, countyAdmin, cityAdmin.account.id)).toBeUndefined();
  });
});
