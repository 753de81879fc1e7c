import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import type { StaffRole } from '../../../src/domain/staff/roles.ts';
import { hashPassword } from '../../../src/domain/staff/password.ts';
import { createAccount } from '../../../src/server/store/staffAccountStore.ts';
import { resolveStaffUser, type StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { loginWithPassword } from '../../../src/server/staff/staffLogin.ts';
import { openSqliteStore, type Store } from '../../../src/server/store/openStore.ts';
import { saveRegions } from '../../../src/server/store/regionStore.ts';

/** A real SQLite store in a temporary folder, with the real 景德镇 region tree loaded. */
export async function openTestStore(): Promise<{ store: Store; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'staff-test-'));
  const store = await openSqliteStore(join(dir, 'portal.sqlite'));
  const csv = readFileSync(new URL('../../../data/jingdezhen_divisions.csv', import.meta.url), 'utf8');
  await saveRegions(store, parseDivisionsCsv(csv));
  return {
    store,
    close: async () => {
      await store.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const testPassword = 'a long test passphrase';
// Cheap scrypt parameters keep the suite fast; the first login upgrades them, which is exercised too.
const fastHash = hashPassword(testPassword, { N: 1024, r: 8, p: 1 });

export async function seedAccount(store: Store, username: string, regionCode: string, roles: StaffRole[]) {
  return createAccount(
    store,
    { username, displayName: username, regionCode, roles, passwordHash: await fastHash, mustChangePassword: false },
    { id: null, username: 'test-setup', ip: null },
  );
}

/** Signs in for real and returns the user a request would carry. */
export async function signedIn(store: Store, username: string, ip = '192.0.2.10', now = new Date()): Promise<StaffUser> {
  const outcome = await loginWithPassword(store, { username, password: testPassword }, { ip, userAgent: 'vitest' }, now);
  if (outcome.kind !== 'signed_in') throw new Error(`login for ${username} gave ${outcome.kind}`);
  const resolved = await resolveStaffUser(store, outcome.token, ip, now);
  if (!resolved.user) throw new Error(`session for ${username} did not resolve: ${resolved.reason}`);
  return resolved.user;
}

export async function auditActions(store: Store): Promise<string[]> {
  const rows = await store.selectFrom('audit_log').select('action').orderBy('id').execute();
  return rows.map((r) => r.action);
}
