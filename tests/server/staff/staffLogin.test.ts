import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { totpAt } from '../../../src/domain/staff/totp.ts';
import { findCredentials } from '../../../src/server/store/staffAccountStore.ts';
import { findSession } from '../../../src/server/store/sessionStore.ts';
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

/** 20 failures from one client, four on each of five accounts: enough to lock the source, not any account. */
async function failAcrossFiveAccounts(client: LoginClient) {
  for (let n = 0; n < 5; n++) await seedAccount(store, `clerk${n}`, '360203', ['data']);
  for (let i = 0; i < 20; i++) await login(`clerk${i % 5}`, 'password guess!!', at(i * 100), client);
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

  test('locks a source after 20 failures across usernames, without locking other sources', async () => {
    await failAcrossFiveAccounts(office);
    expect((await login('li.ming', testPassword, at(21_000))).kind).toBe('locked');
    expect((await login('li.ming', testPassword, at(21_000), { ip: '198.51.100.7', userAgent: null })).kind).toBe('signed_in');
  });

  test('tells a disabled account so only after the right password', async () => {
    await store.updateTable('staff_accounts').set({ disabled_at: t0.toISOString() }).execute();
    expect((await login('li.ming', 'wrong password!!', t0)).kind).toBe('invalid');
    expect((await login('li.ming', testPassword, t0)).kind).toBe('disabled');
  });
});

describe('lock-out cannot be used against the owner', () => {
  const attacker: LoginClient = { ip: '203.0.113.66', userAgent: 'curl' };
  const noPause = async () => undefined;

  test('locks the account at the attacker’s address while its owner signs in from the office', async () => {
    for (let i = 1; i <= 8; i++) await login('li.ming', `guess ${i} guess ${i}`, at(i * 1000), attacker);
    expect((await login('li.ming', testPassword, at(9000), attacker)).kind).toBe('locked');
    expect((await loginWithPassword(store, { username: 'li.ming', password: testPassword }, office, at(9000), noPause)).kind).toBe('signed_in');
  });

  test('counts an IPv6 /64 as one source and the next /64 as another', async () => {
    const inNet = (host: string): LoginClient => ({ ip: `2001:db8:1:2::${host}`, userAgent: null });
    for (let i = 1; i <= 5; i++) await login('li.ming', `guess ${i} guess ${i}`, at(i * 1000), inNet(i.toString(16)));
    // A sixth address in the same /64 is still the same attacker.
    expect((await login('li.ming', testPassword, at(6000), inNet('ffff'))).kind).toBe('locked');
    expect((await login('li.ming', testPassword, at(6000), { ip: '2001:db8:1:3::1', userAgent: null })).kind).toBe('signed_in');
  });

  test('makes every attempt on an account failing from many sources wait, without locking it', async () => {
    for (let i = 1; i <= 10; i++) await login('li.ming', `guess ${i} guess ${i}`, at(i * 1000), { ip: `203.0.113.${i}`, userAgent: null });
    const waits: number[] = [];
    const outcome = await loginWithPassword(store, { username: 'li.ming', password: testPassword }, office, at(11_000), async (ms) => {
      waits.push(ms);
    });
    expect(waits).toEqual([500]);
    expect(outcome.kind).toBe('signed_in');
    // The owner signing in does not lift the cost off the attack: the next guess waits too.
    const guessWaits: number[] = [];
    await loginWithPassword(store, { username: 'li.ming', password: 'another guess!!' }, attacker, at(12_000), async (ms) => {
      guessWaits.push(ms);
    });
    expect(guessWaits).toEqual([500]);
  });

  test('waits on a timer, so other requests are served meanwhile', async () => {
    for (let i = 1; i <= 10; i++) await login('li.ming', `guess ${i} guess ${i}`, new Date(Date.now() - 60_000 + i), { ip: `203.0.113.${i}`, userAgent: null });
    let signedIn = false;
    const attempt = loginWithPassword(store, { username: 'li.ming', password: testPassword }, office).then((o) => {
      signedIn = o.kind === 'signed_in';
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const servedDuringTheWait = !signedIn;
    await attempt;
    expect(servedDuringTheWait).toBe(true);
    expect(signedIn).toBe(true);
  });
});

describe('refused logins in the audit log', () => {
  const attacker: LoginClient = { ip: '203.0.113.66', userAgent: 'curl' };
  const refusalActions = new Set(['login.failure', 'login.failure_summary', 'login.locked_out']);

  test('sums up 100 refused attempts from one source in a handful of entries that still count all 100', async () => {
    for (let i = 0; i < 100; i++) await login('li.ming', `guess ${i} guess ${i}`, at(i * 1000), attacker);
    // The next attempt after the 15-minute window closes writes the window's summary.
    await login('li.ming', testPassword, at(16 * minute), office);
    const rows = (await auditRows()).filter((r) => refusalActions.has(r.action));
    expect(rows.length).toBeLessThanOrEqual(5);
    const summary = rows.find((r) => r.action === 'login.failure_summary');
    expect(JSON.parse(summary?.detail_json ?? '{}')).toMatchObject({ refusals: 100, source: '203.0.113.66' });
    expect(summary).toMatchObject({ region_code: '360203', actor_username: 'li.ming' });
  });

  test('sums up stuffing of many usernames from a locked source under one subject', async () => {
    await failAcrossFiveAccounts(attacker);
    for (let i = 0; i < 180; i++) await login(`user${i}`, 'password guess!!', at(20_000 + i * 100), attacker);
    await login('li.ming', testPassword, at(16 * minute), office);
    const rows = (await auditRows()).filter((r) => refusalActions.has(r.action));
    // Per account tried: one failure and one summary; then one lock, one refusal and one summary for the rest.
    expect(rows.length).toBeLessThanOrEqual(13);
    const summary = rows.find((r) => r.action === 'login.failure_summary' && r.actor_username === '*');
    expect(JSON.parse(summary?.detail_json ?? '{}')).toMatchObject({ refusals: 180 });
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
