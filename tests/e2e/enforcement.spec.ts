import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { seedStaff, signInAs, signOut } from './support/staffSession.ts';

// Accounts are created in the portal's own store by the real account code before anyone signs in.
const password = 'e2e enforcement passphrase';
const accounts = [
  { username: 'e2e.enf.publisher', displayName: '陈起草', regionCode: '3602', roles: ['publisher'] },
  { username: 'e2e.enf.reviewer', displayName: '周审核', regionCode: '3602', roles: ['reviewer'] },
];

test.beforeAll(() => seedStaff(accounts, password));

const signIn = (page: Page, username: string) => signInAs(page, username, password);
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function noAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
}

test.describe('enforcement results', () => {
  // Two sign-ins (scrypt checks) and a draft walked to a public page: longer than the default on a loaded machine.
  test.slow();
  test('one person drafts, another approves, and the result is in the feed and on /enforcement', async ({ page, request }) => {
    const title = `关于珠山区某药店布洛芬价格上涨的处理结果 ${Date.now()}`;

    await signIn(page, 'e2e.enf.publisher');
    await page.goto('/staff/enforcement/new');
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('发现的问题').fill('价格上涨幅度异常');
    await page.getByRole('radio', { name: '函询约谈' }).check();
    await page.getByLabel('处理日期').fill('2026-11-20');
    await page.getByLabel('涉及单位（可不填）').fill('某某大药房');
    await page.getByLabel('涉及药品').fill('布洛芬');
    await page.getByLabel('处理情况（正文）').fill('经核查，该店布洛芬售价一周内上涨 60%，进价未变。已**函询约谈**负责人，价格已恢复。');
    await page.getByLabel('发布机构').fill('珠山区卫生健康委员会');
    await page.getByLabel('适用地区').selectOption('360203');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByText('草稿已保存。')).toBeVisible();
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByText('已提交审核。')).toBeVisible();
    // The author is offered no way to publish its own text.
    await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
    await signOut(page);

    await signIn(page, 'e2e.enf.reviewer');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/staff/enforcement');
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('button', { name: '审核通过' })).toBeVisible();
    await page.screenshot({ path: 'screenshots/enforcement-review-1280.png', fullPage: true });
    await noAxeViolations(page);
    await page.getByRole('radio', { name: '立即发布' }).check();
    await page.getByRole('button', { name: '审核通过' }).click();
    await expect(page.getByText('已发布。')).toBeVisible();
    const permalink = await page.locator('dd a[href^="/enforcement/"]').getAttribute('href');
    expect(permalink).toMatch(/^\/enforcement\/\d{4}\/[a-z0-9-]+$/);
    await signOut(page);

    const rss = await request.get('/feeds/enforcement.rss.xml');
    expect(rss.headers()['content-type']).toContain('application/rss+xml');
    expect(await rss.text()).toContain(title);
    const regionFeed = await (await request.get('/feeds/360203/enforcement.json')).json();
    expect(regionFeed.items.map((i: { title: string }) => i.title)).toContain(title);
    const neighbourFeed = await (await request.get('/feeds/360202/enforcement.json')).json();
    expect(neighbourFeed.items.map((i: { title: string }) => i.title)).not.toContain(title);
    const api = await (await request.get('/api/enforcement?action=inquiry')).json();
    expect(api.items.find((i: { title: string }) => i.title === title)).toMatchObject({ finding: '价格上涨幅度异常', actionLabel: '函询约谈', party: '某某大药房' });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/enforcement');
    await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', permalink ?? '');
    // The demo's 示例 results are labelled on the list.
    await expect(page.locator('.demo-tag').first()).toHaveText('示例');
    await page.screenshot({ path: 'screenshots/enforcement-list-390.png', fullPage: true });
    await noAxeViolations(page);

    await page.goto(permalink ?? '/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('.enforcement-box')).toContainText('价格上涨幅度异常');
    await expect(page.locator('.enforcement-box')).toContainText('函询约谈');
    await expect(page.locator('.enforcement-box').getByRole('link', { name: '布洛芬' })).toHaveAttribute('href', /\/drugs\//);
    await expect(page.locator('#citation-line')).toContainText(`《${title}》，珠山区卫生健康委员会，`);
    await page.screenshot({ path: 'screenshots/enforcement-result-390.png', fullPage: true });
    await noAxeViolations(page);
  });

  test('the demo’s results say 示例 on the list, on their page and in the API', async ({ page, request }) => {
    await page.goto('/enforcement');
    await page.getByRole('link', { name: /^示例：乐平市/ }).click();
    await expect(page.locator('.demo-notice')).toHaveText('示例数据：本条为演示用的示例，不是真实的整治结果。');
    await expect(page.locator('.enforcement-box')).toContainText('成本调查');
    await page.screenshot({ path: 'screenshots/enforcement-demo-result-390.png', fullPage: true });
    await noAxeViolations(page);
    const api = await (await request.get('/api/enforcement?action=cost_survey')).json();
    expect(api.items.find((i: { title: string }) => i.title.startsWith('示例：乐平市'))).toMatchObject({ isDemo: true, region: { code: '360281' } });
  });

  test('a draft has no public page and staff pages need a login', async ({ page, request }) => {
    expect((await request.get('/enforcement/2026/no-such-result')).status()).toBe(404);
    await page.goto('/staff/enforcement');
    await expect(page).toHaveURL(/\/staff\/login/);
  });
});
