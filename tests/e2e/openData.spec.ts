import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { seedStaff, signInAs } from './support/staffSession.ts';

const password = 'open data e2e passphrase';

test.describe('/open-data, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('is reached from the footer and says what is published, the licence, the limits and how to call', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: '开放数据' }).click();
    await expect(page).toHaveURL(/\/open-data$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('开放数据');
    await expect(page.getByText('CC BY 4.0').first()).toBeVisible();
    await expect(page.getByText(/每分钟 300 次/)).toBeVisible();
    await expect(page.locator('pre.command').first()).toContainText("curl '");
    await expect(page.getByRole('link', { name: '/api/openapi.json' })).toHaveAttribute('href', '/api/openapi.json');
    await expect(page.getByRole('link', { name: '打开下载目录' })).toHaveAttribute('href', '/open-data/downloads/');
    await expect(page.getByRole('heading', { name: '接口更新记录' })).toBeVisible();
    // No third-party scripts: every script the page loads is the portal's own.
    const foreign = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src).filter((src) => !src.startsWith(location.origin)));
    expect(foreign).toEqual([]);
    await page.screenshot({ path: 'screenshots/open-data-390.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: 'screenshots/open-data-1280.png', fullPage: true });
  });

  test('the described API is served as JSON with the standard region codes', async ({ request }) => {
    const doc = await (await request.get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/drugs/{id}/availability');
    const regions = await (await request.get('/api/regions')).json();
    expect(regions.regions[0].code).toBe('360000');
    const byShortPrefix = await (await request.get('/api/drugs/W078/availability?region=3602&limit=1')).json();
    const byStandard = await (await request.get('/api/drugs/W078/availability?region=360200&limit=1')).json();
    expect(byStandard.total).toBe(byShortPrefix.total);
  });
});

test('/open-data passes axe (WCAG 2.2 AA), in normal and large-text mode', async ({ page }) => {
  await page.goto('/open-data');
  for (const mode of ['normal', 'large']) {
    if (mode === 'large') await page.getByRole('button', { name: '大字模式' }).click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations, mode).toEqual([]);
  }
});

test.describe('API keys', () => {
  test.beforeAll(() => seedStaff([{ username: 'opendata.admin', displayName: '开放数据管理员', regionCode: '3602', roles: ['data'] }], password));

  test('staff issue a key that is shown once and accepted by the API, and a revoked key is refused', async ({ page, request }) => {
    await signInAs(page, 'opendata.admin', password, { fresh: true });
    await page.goto('/staff/api-keys');
    await page.getByLabel('使用单位或应用').fill('某日报数据新闻组');
    await page.getByLabel('联系方式（邮箱或电话）').fill('data@example.cn');
    await page.getByRole('button', { name: '签发密钥' }).click();
    const key = (await page.locator('code.secret').textContent())?.trim() ?? '';
    expect(key).toMatch(/^odk_/);
    await page.screenshot({ path: 'screenshots/staff-api-keys-390.png', fullPage: true });
    expect((await request.get('/api/regions', { headers: { 'x-api-key': key } })).status()).toBe(200);
    await page.goto('/staff/api-keys');
    await expect(page.locator('code.secret')).toHaveCount(0);
    await page.getByRole('row', { name: /某日报数据新闻组/ }).getByRole('button', { name: '吊销' }).click();
    await expect(page.getByRole('row', { name: /某日报数据新闻组/ })).toContainText('已吊销');
    const refused = await request.get('/api/regions', { headers: { 'x-api-key': key } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe('invalid_api_key');
  });
});
