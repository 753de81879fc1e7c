import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

/**
 * Signing in to the back office in end-to-end tests. Accounts are created in the store of the portal under
 * test by the real account code (seedStaff.ts, idempotent), then used through the real login form.
 */
export interface E2eStaffAccount {
  username: string;
  displayName: string;
  regionCode: string;
  roles: string[];
}

/** Creates the accounts, all with one password, in the portal the tests run against (E2E_DATA_DIR). */
export function seedStaff(accounts: readonly E2eStaffAccount[], password: string): void {
  execFileSync(process.execPath, ['tests/e2e/support/seedStaff.ts', JSON.stringify(accounts)], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, E2E_STAFF_PASSWORD: password },
    stdio: 'inherit',
  });
}

/** Signs in through the login form and waits for the staff home page; `fresh` drops any session first. */
export async function signInAs(page: Page, username: string, password: string, options: { fresh?: boolean } = {}): Promise<void> {
  if (options.fresh) await page.context().clearCookies();
  await page.goto('/staff/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
}

/** Signs out with the header button and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/staff\/login/);
}
