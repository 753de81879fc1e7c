import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { logoutEverywhere } from '../../src/server/staff/staffSecurity.ts';
import {
  countSessions,
  createSession,
  endAllSessions,
  findSession,
  purgeExpiredSessions,
  sessionIdOf,
} from '../../src/server/store/sessionStore.ts';
import { resolveStaffUser } from '../../src/server/staff/staffAuth.ts';
import type { Store } from '../../src/server/store/openStore.ts';
import { saveRegions } from '../../src/server/store/regionStore.ts';
import { auditActions, seedAccount, signedIn } from '../server/staff/staffFixtures.ts';
import { jingdezhenRegions } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const minute = 60_000;
const t0 = new Date('2026-03-02T01:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const client = { ip: '192.0.2.1', userAgent: 'vitest' };

describeStores('sessionStore', (open) => {
  let opened: TestStore;
  let store: Store;
  let accountId: number;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
    await saveRegions(store, jingdezhenRegions());
    accountId = (await seedAccount(store, 'li.ming', '360203', ['data'])).id;
  });
  afterEach(async () => opened.close());

  describe('createSession', () => {
    test('stores the SHA-256 of the token and never the token itself', async () => {
      const { token } = await createSession(store, accountId, 'active', client, t0);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const rows = await store.selectFrom('staff_sessions').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.id).toBe(sessionIdOf(token));
      expect(JSON.stringify(rows)).not.toContain(token);
    });
  });

  describe('findSession', () => {
    test('returns missing for an unknown or absent token', async () => {
      expect((await findSession(store, 'not-a-token', t0)).status).toBe('missing');
      expect((await findSession(store, undefined, t0)).status).toBe('missing');
    });

    test('returns idle_expired after 30 minutes without a request, and deletes the session', async () => {
      const { token } = await createSession(store, accountId, 'active', client, t0);
      expect((await findSession(store, token, at(29 * minute))).status).toBe('active');
      expect((await findSession(store, token, at(29 * minute + 30 * minute))).status).toBe('idle_expired');
      expect((await findSession(store, token, at(60 * minute))).status).toBe('missing');
    });

    test('keeps a session alive while it is used, until the 12-hour absolute limit', async () => {
      const { token } = await createSession(store, accountId, 'active', client, t0);
      let now = 0;
      while (now + 20 * minute < 12 * 60 * minute) {
        now += 20 * minute;
        expect((await findSession(store, token, at(now))).status).toBe('active');
      }
      expect((await findSession(store, token, at(12 * 60 * minute))).status).toBe('absolute_expired');
      expect(await countSessions(store, accountId)).toBe(0);
    });

    test('returns absolute_expired for a half-way (second factor) session after 5 minutes', async () => {
      const { token } = await createSession(store, accountId, 'second_factor', client, t0);
      expect((await findSession(store, token, at(4 * minute))).status).toBe('active');
      expect((await findSession(store, token, at(5 * minute))).status).toBe('absolute_expired');
    });
  });

  describe('resolveStaffUser', () => {
    test('returns no user for a second-factor session, which is not signed in yet', async () => {
      const { token } = await createSession(store, accountId, 'second_factor', client, t0);
      expect(await resolveStaffUser(store, token, null, t0)).toEqual({ user: null, reason: 'second_factor' });
    });
  });

  describe('endAllSessions and logoutEverywhere', () => {
    test('end every session of the account, spare other accounts, and write an audit entry', async () => {
      const user = await signedIn(store, 'li.ming');
      await createSession(store, accountId, 'active', client);
      const other = await seedAccount(store, 'wang.fang', '360203', ['data']);
      const otherSession = await createSession(store, other.id, 'active', client);
      expect(await countSessions(store, accountId)).toBe(2);

      expect(await logoutEverywhere(store, user)).toBe(2);
      expect(await countSessions(store, accountId)).toBe(0);
      expect((await findSession(store, otherSession.token)).status).toBe('active');
      expect((await auditActions(store)).at(-1)).toBe('logout.everywhere');
    });

    test('can spare the current session, as a password change does', async () => {
      const keep = await createSession(store, accountId, 'active', client);
      await createSession(store, accountId, 'active', client);
      expect(await endAllSessions(store, accountId, keep.session.id)).toBe(1);
      expect((await findSession(store, keep.token)).status).toBe('active');
    });
  });

  describe('purgeExpiredSessions', () => {
    test('deletes idle and over-age sessions and keeps fresh ones', async () => {
      await createSession(store, accountId, 'active', client, t0);
      const fresh = await createSession(store, accountId, 'active', client, at(40 * minute));
      expect(await purgeExpiredSessions(store, at(45 * minute))).toBe(1);
      expect((await findSession(store, fresh.token, at(45 * minute))).status).toBe('active');
    });
  });
});
