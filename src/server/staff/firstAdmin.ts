import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDivisionsCsv } from '../../domain/regions/regionTree.ts';
import { newStaffAccount, type StaffAccount } from '../../domain/staff/account.ts';
import { hashPassword, newPasswordSchema } from '../../domain/staff/password.ts';
import { loadRegions, saveRegions } from '../store/regionStore.ts';
import type { Store } from '../store/openStore.ts';
import { createAccount, findCredentials } from '../store/staffAccountStore.ts';
import { staffRegionTree } from './regionChoices.ts';

/**
 * What scripts/create-admin.ts does, kept here so that the script stays a thin shell around argument parsing
 * and the password prompt. Refusals are thrown as plain messages for the operator.
 */
export class AdminSetupError extends Error {
  override readonly name = 'AdminSetupError';
}

/** Runs before the first `npm start` too, so the region list may not be in the store yet. */
async function ensureRegions(db: Store, dataDir: string): Promise<void> {
  if ((await loadRegions(db)).length > 0) return;
  await saveRegions(db, parseDivisionsCsv(readFileSync(join(dataDir, 'jingdezhen_divisions.csv'), 'utf8')));
}

export async function createAdminAccount(
  db: Store,
  input: { username: string; displayName: string; regionCode: string; password: string },
  dataDir: string,
): Promise<StaffAccount> {
  const parsed = newStaffAccount.safeParse({ ...input, roles: ['admin'] });
  if (!parsed.success) {
    throw new AdminSetupError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const password = newPasswordSchema(parsed.data.username).safeParse(input.password);
  if (!password.success) throw new AdminSetupError(password.error.issues.map((i) => i.message).join('\n'));
  await ensureRegions(db, dataDir);
  const tree = await staffRegionTree(db);
  if (!tree.get(parsed.data.regionCode)) {
    throw new AdminSetupError(`--region ${parsed.data.regionCode}: 不是已知的地区代码（如 36 江西省、3602 景德镇市、360222 浮梁县）`);
  }
  if (await findCredentials(db, { username: parsed.data.username })) throw new AdminSetupError(`用户名 ${parsed.data.username} 已存在`);
  // The operator chose this password at the console, so there is no need to force a change at first login.
  return createAccount(
    db,
    { ...parsed.data, passwordHash: await hashPassword(password.data), mustChangePassword: false },
    { id: null, username: 'create-admin', ip: null },
  );
}
