import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { killEmbeddedMeili } from '../support/meiliProcess.ts';

/**
 * Faults against the real server (`npm start`'s process): its embedded Meilisearch killed, its store locked by
 * another process. Each answer must be a real one (503 with Retry-After and the security headers, or a page
 * in plain words), never an empty 500; and the portal must come back by itself.
 */
const dataDir = process.env.E2E_DATA_DIR ?? '';

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
}

test.describe('faults', () => {
  // A hung search costs its 2.5 s time-out per page, and the login its password check: more than the default.
  test.setTimeout(60_000);
  test('Meilisearch killed or hung: the API answers 503, pages show what the store knows, and search comes back', async ({ page, request }) => {
    expect((await request.get('/api/search?q=blf')).status()).toBe(200);
    killEmbeddedMeili(dataDir);
    await new Promise((r) => setTimeout(r, 50));

    const availability = await request.get('/api/drugs/W078/availability?region=3602');
    expect(availability.status()).toBe(503);
    expect(Number(availability.headers()['retry-after'])).toBeGreaterThan(0);
    expectSecurityHeaders(availability.headers(), 'availability');
    expect((await availability.json()).error.code).toBe('search_unavailable');
    const search = await request.get('/api/search?q=blf');
    expect(search.status()).toBe(503);
    expectSecurityHeaders(search.headers(), 'search');

    // The supervisor restarts the child on the same data: the indexes are there again, no reindex needed.
    await expect.poll(async () => (await request.get('/api/search?q=blf')).status(), { timeout: 20_000 }).toBe(200);
    const hits = (await (await request.get('/api/search?q=blf')).json()).hits as { id: string }[];
    expect(hits[0]?.id).toBe('W078');
    expect((await request.get('/api/drugs/W078/availability?region=3602')).status()).toBe(200);

    // A hung Meilisearch (stopped, not dead: the supervisor sees nothing) is cut off by the search time-out.
    expect(killEmbeddedMeili(dataDir, 'SIGSTOP')).toBeGreaterThan(0);
    try {
      const drugPage = await page.goto('/drugs/W078');
      expect(drugPage?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('布洛芬');
      await expect(page.getByText('暂时查不到哪些机构有这种药')).toBeVisible();
      const searchPage = await page.goto('/search?q=blf');
      expect(searchPage?.status()).toBe(503);
      await expect(page.getByRole('heading', { name: '搜索暂时不可用' })).toBeVisible();
      await expect(page.getByRole('link', { name: '查看短缺药品清单' })).toBeVisible();
    } finally {
      killEmbeddedMeili(dataDir, 'SIGCONT');
    }
    expect((await request.get('/api/search?q=blf')).status()).toBe(200);
  });

  test('store locked by another writer: a staff login answers 503 in plain words while public pages answer', async ({ page, request }) => {
    await page.goto('/staff/login');
    await page.getByLabel('用户名').fill('nobody');
    await page.getByLabel('密码').fill('not the password');
    const importer = new DatabaseSync(join(dataDir, 'portal.sqlite'));
    try {
      importer.exec('BEGIN IMMEDIATE');
      importer.exec(`UPDATE regions SET name = name WHERE code = '3602'`);
      const started = Date.now();
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/staff/login') && r.request().method() === 'POST'), page.getByRole('button', { name: '登录' }).click()]);
      expect(response.status()).toBe(503);
      // Bounded: each write gives up after 1.5 s of waiting (the rest is the password check on a loaded machine).
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
      expectSecurityHeaders(response.headers(), 'login');
      await expect(page.getByText('正在写入数据')).toBeVisible();
      const publicRead = await request.get('/api/drugs/W078');
      expect(publicRead.status()).toBe(200);
    } finally {
      if (importer.isTransaction) importer.exec('ROLLBACK');
      importer.close();
    }
  });
});
