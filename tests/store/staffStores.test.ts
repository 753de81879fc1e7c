import { afterEach, beforeEach, expect, test } from 'vitest';
import { changeAccount, claimTotpStep, findCredentials, getAccount, listAccountsInRegion, StaffAccountError } from '../../src/server/store/staffAccountStore.ts';
import { appendAudit, queryAudit } from '../../src/server/store/auditLogStore.ts';
import { clearFailuresAtSource, loginThrottle, recordLoginFailure } from '../../src/server/store/loginThrottleStore.ts';
import type { Store } from '../../src/server/store/openStore.ts';
import { saveRegions } from '../../src/server/store/regionStore.ts';
import { auditActions, seedAccount } from '../server/staff/staffFixtures.ts';
import { jingdezhenRegions } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const admin = { id: 1, username: 'city.admin', ip: '192.0.2.1' };
const t0 = new Date('2026-03-02T01:00:00Z');

describeStores('staff stores', (open) => {
  let opened: TestStore;
  let store: Store;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
    await saveRegions(store, jingdezhenRegions());
  });
  afterEach(async () => opened.close());

  test('creates accounts with numeric ids, refuses a taken username and lists a region and below', async () => {
    const first = await seedAccount(store, 'li.ming', '360203', ['data']);
    const second = await seedAccount(store, 'wang.fang', '360203101', ['admin']);
    await seedAccount(store, 'zhao.lei', '360202', ['data']);
    expect(typeof first.id).toBe('number');
    expect(second.id).toBeGreaterThan(first.id);
    await expect(seedAccount(store, 'li.ming', '360203', ['data'])).rejects.toThrow(StaffAccountError);
    expect((await listAccountsInRegion(store, '360203')).map((a) => a.username)).toEqual(['li.ming', 'wang.fang']);
    expect(await auditActions(store)).toEqual(['account.create', 'account.create', 'account.create']);
  });

  test('changes an account with an audit entry and reads credentials by name or id', async () => {
    const { id } = await seedAccount(store, 'li.ming', '360203', ['data']);
    const after = await changeAccount(store, id, { action: 'account.roles', roles: ['data', 'reviewer'] }, admin, t0);
    expect([...after.roles].sort()).toEqual(['data', 'reviewer']);
    await changeAccount(store, id, { action: 'account.disable' }, admin, t0);
    expect((await getAccount(store, id))?.disabled).toBe(true);
    expect((await findCredentials(store, { username: 'li.ming' }))?.account.id).toBe(id);
    expect((await findCredentials(store, { id }))?.account.username).toBe('li.ming');
    await expect(changeAccount(store, id + 100, { action: 'account.enable' }, admin)).rejects.toThrow(StaffAccountError);
  });

  test('accepts a TOTP step once and only a later one after it', async () => {
    const { id } = await seedAccount(store, 'li.ming', '360203', ['data']);
    expect(await claimTotpStep(store, id, 59_000_000)).toBe(true);
    expect(await claimTotpStep(store, id, 59_000_000)).toBe(false);
    expect(await claimTotpStep(store, id, 58_999_999)).toBe(false);
    expect(await claimTotpStep(store, id, 59_000_001)).toBe(true);
  });

  test('locks an account at one source only, and a success there clears only that pair', async () => {
    const keys = { username: 'li.ming', source: '192.0.2.7' };
    let lock: Awaited<ReturnType<typeof recordLoginFailure>> = null;
    let failures = 0;
    while (!lock && failures < 10) {
      lock = await recordLoginFailure(store, keys, t0);
      failures += 1;
    }
    expect(lock?.kind).toBe('account_at_source');
    expect(failures).toBeLessThanOrEqual(6);
    expect((await loginThrottle(store, keys, t0)).lock).toEqual(lock);
    // The owner at another address is not locked out by failures elsewhere.
    expect((await loginThrottle(store, { username: 'li.ming', source: '198.51.100.9' }, t0)).lock).toBeNull();
    await clearFailuresAtSource(store, keys);
    expect((await loginThrottle(store, keys, t0)).lock).toBeNull();
    const sourceRow = await store.selectFrom('login_throttles').selectAll().where('kind', '=', 'source').executeTakeFirstOrThrow();
    expect(sourceRow.failures).toBe(failures);
  });

  test('appends audit entries and counts them as numbers', async () => {
    await appendAudit(store, admin, { action: 'account.create', regionCode: '360203', after: { username: 'x' } }, t0);
    await appendAudit(store, admin, { action: 'logout', regionCode: '360203' }, t0);
    const { entries, total } = await queryAudit(store, { regionCode: '3602', includeUnscoped: false }, { page: 1 });
    expect(total).toBe(2);
    expect(entries[1]).toMatchObject({ action: 'account.create', after: { username: 'x' }, actorId: 1 });
  });

  test('the audit log refuses UPDATE and DELETE in the database itself, so entries cannot be rewritten or removed', async () => {
    await appendAudit(store, admin, { action: 'logout', regionCode: '3602' }, t0);
    await expect(store.updateTable('audit_log').set({ action: 'login.success' }).execute()).rejects.toThrow(/append-only/);
    await expect(store.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await auditActions(store)).toEqual(['logout']);
  });
});
