/**
 * Test-only: creates the back-office accounts an end-to-end test signs in with, in the store of the portal the
 * test runs against (DATA_DIR), through the real account code and the real password hashing. Idempotent, so
 * that a retried test does not fail on an existing username.
 *
 *   DATA_DIR=/tmp/portal-e2e-123 node tests/e2e/support/seedStaff.ts '[{"username":"e2e.publisher","regionCode":"3602","roles":["publisher"]}]'
 *
 * The password comes from E2E_STAFF_PASSWORD; nothing here is used outside tests.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { newStaffAccount } from '../../../src/domain/staff/account.ts';
import { hashPassword } from '../../../src/domain/staff/password.ts';
import { createAccount, findCredentials } from '../../../src/server/store/staffAccountStore.ts';
import { openSqliteStore } from '../../../src/server/store/openStore.ts';

const accounts = z.array(newStaffAccount.omit({ displayName: true }).extend({ displayName: z.string().optional() })).parse(JSON.parse(process.argv[2] ?? '[]'));
const dataDir = process.env.DATA_DIR;
const password = process.env.E2E_STAFF_PASSWORD;
if (!dataDir || !password) throw new Error('DATA_DIR and E2E_STAFF_PASSWORD are required');

const store = await openSqliteStore(join(dataDir, 'portal.sqlite'));
try {
  for (const account of accounts) {
    if (await findCredentials(store, { username: account.username })) continue;
    await createAccount(
      store,
      { ...account, displayName: account.displayName ?? account.username, passwordHash: await hashPassword(password), mustChangePassword: false },
      { id: null, username: 'e2e-setup', ip: null },
    );
  }
} finally {
  await store.destroy();
}
