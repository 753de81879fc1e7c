import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { totpAt } from '../../../src/domain/staff/totp.ts';
import { findCredentials } from '../../../src/server/staff/accountStore.ts';
import { findSession } from '../../../src/server/staff/sessionStore.ts';
import { completeSecondFactor, type LoginClient, loginWithPassword } from '../../../src/server/staff/staffLogin.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../../src/server/staff/staffSecurity.ts';
import type { Store } from '../../../src/server/store/openStore.ts';
import { openTestStore, seedAccount, signedIn, testPassword } from './staffFixtures.ts';

const minute = 60_000;
const t0 = new Date('2026-03-02T01:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const office: LoginClient = { ip: '192.0.2.20', userAgent: 'vitest' };

let store: Store;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ store, close } = await openTestStore());
  await seedAccount(store, 'li.ming', '360203', ['data']);
});
afterEach(async () => close());

const login = (username: string, password: string, now: Date, client = office) =>
  loginWithPassword(store, { username, password }, client, now);

async function auditRows() {
  return store.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

describe('loginWithPassword', () => {
  test('signs in with the right password and audits who, where and for which region', async () => {
    const outcome = await login('Li.Ming ', testPassword, t0);
    expect(outcome.kind).toBe('signed_in');
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ action: 'login.success', actor_username: 'li.ming', ip: '192.0.2.20', region_code: '360203', at: t0.toISOString() });
  });

  test('upgrades a hash made with old parameters after a successful login', async () => {
    await login('li.ming', testPassword, t0);
    expect((await findCredentials(store, { username: 'li.ming' }))?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
  });

  test('refuses a wrong password and audits the failure against the account’s region', async () => {
    expect((await login('li.ming', 'wrong password!!', t0)).kind).toBe('invalid');
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ action: 'login.failure', region_code: '360203', target_id: expect.any(String) });
    expect(JSON.parse(last?.detail_json ?? '{}')).toEqual({ reason: 'wrong_password' });
  });

  test('audits a failure for an unknown username with no region', async () => {
    expect((await login('nobody', testPassword, t0)).kind).toBe('invalid');
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'login.failure', region_code: null, actor_username: 'nobody' });
  });

  test('locks the account for a minute at the fifth failure, even for the right password', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('li.ming', `wrong ${i} wrong ${i}`, at(i * 1000))).kind).toBe('invalid');
    const fifth = await login('li.ming', 'wrong 5 wrong 5', at(5000));
    expect(fifth).toEqual({ kind: 'locked', until: at(5000 + minute) });
    expect((await login('li.ming', testPassword, at(30_000))).kind).toBe('locked');
    expect((await auditRows()).map((r) => r.action)).toContain('login.locked_out');
    expect((await login('li.ming', testPassword, at(5000 + minute))).kind).toBe('signed_in');
  });

  test('doubles the lock to two minutes for a further failure after the first lock', async () => {
    for (let i = 1; i <= 5; i++) await login('li.ming', `wrong ${i} wrong ${i}`, at(i * 1000));
    const sixth = await login('li.ming', 'wrong 6 wrong 6', at(5000 + minute));
    expect(sixth).toEqual({ kind: 'locked', until: at(5000 + 3 * minute) });
  });

  test('locks an address after 20 failures across usernames, without locking other addresses', async () => {
    for (let i = 0; i < 20; i++) await login(`guess${i}`, 'password guess!!', at(i * 1000));
    expect((await login('li.ming', testPassword, at(21_000))).kind).toBe('locked');
    expect((await login('li.ming', testPassword, at(21_000), { ip: '198.51.100.7', userAgent: null })).kind).toBe('signed_in');
  });

  test('tells a disabled account so only after the right password', async () => {
    await store.updateTable('staff_accounts').set({ disabled_at: t0.toISOString() }).execute();
    expect((await login('li.ming', 'wrong password!!', t0)).kind).toBe('invalid');
    expect((await login('li.ming', testPassword, t0)).kind).toBe('disabled');
  });
});

describe('completeSecondFactor', () => {
  async function enrol(): Promise<string> {
    const user = await signedIn(store, 'li.ming');
    await startTotpEnrolment(store, user);
    const secret = (await findCredentials(store, { id: user.account.id }))?.totpSecret ?? '';
    // Enrolled with the code of an earlier step, so that the login below may use the current one.
    expect(await confirmTotpEnrolment(store, user, totpAt(secret, t0.getTime() - 30_000), t0)).toBe('ok');
    return secret;
  }

  test('asks for a code after the password and signs in with a fresh session when it is right', async () => {
    const secret = await enrol();
    const now = at(30_000);
    const first = await login('li.ming', testPassword, now);
    if (first.kind !== 'second_factor') throw new Error(first.kind);
    const done = await completeSecondFactor(store, first.session, totpAt(secret, now.getTime()), office, now);
    if (done.kind !== 'signed_in') throw new Error(done.kind);
    expect(done.session.id).not.toBe(first.session.id);
    expect((await findSession(store, first.token, now)).status).toBe('missing');
    const last = (await auditRows()).at(-1);
    expect(last?.action).toBe('login.success');
    expect(JSON.parse(last?.detail_json ?? '{}')).toEqual({ secondFactor: true });
  });

  test('refuses the same code a second time and audits it as a failed login', async () => {
    const secret = await enrol();
    const now = at(30_000);
    const code = totpAt(secret, now.getTime());
    const first = await login('li.ming', testPassword, now);
    if (first.kind !== 'second_factor') throw new Error(first.kind);
    expect((await completeSecondFactor(store, first.session, code, office, now)).kind).toBe('signed_in');
    const again = await login('li.ming', testPassword, now);
    if (again.kind !== 'second_factor') throw new Error(again.kind);
    expect((await completeSecondFactor(store, again.session, code, office, now)).kind).toBe('invalid');
    const last = (await auditRows()).at(-1);
    expect(last?.action).toBe('login.failure');
    expect(JSON.parse(last?.detail_json ?? '{}')).toEqual({ reason: 'wrong_code' });
  });
});
