import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { seedStaff, signInAs, signOut } from './support/staffSession.ts';

// Accounts are created in the portal's own store by the real account code before anyone signs in.
const password = 'e2e clarification passphrase';
const accounts = [
  { username: 'e2e.publisher', displayName: '李发布', regionCode: '3602', roles: ['publisher'] },
  { username: 'e2e.reviewer', displayName: '王审核', regionCode: '3602', roles: ['reviewer'] },
  { username: 'e2e.reviewer2', displayName: '赵复核', regionCode: '3602', roles: ['reviewer'] },
];

test.beforeAll(() => seedStaff(accounts, password));

const signIn = (page: Page, username: string) => signInAs(page, username, password);

test.describe('clarifications', () => {
  // Each workflow signs in three or four people (scrypt checks) and walks a draft to a public page: longer than
  // one page's default 30 s on a loaded 2-core machine.
  test.slow();
  test('a publisher drafts, a reviewer publishes, and it shows on the drug page and in the feed', async ({ page, request }) => {
    const title = `关于“布洛芬全国断货”的澄清 ${Date.now()}`;

    await signIn(page, 'e2e.publisher');
    await page.goto('/staff/clarifications/new');
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('网传说法').fill('布洛芬全国断货，药店都买不到了');
    await page.getByRole('radio', { name: '不实', exact: true }).check();
    await page.getByLabel('核实情况（正文）').fill('经核实，全市定点零售药店**布洛芬库存充足**。\n\n请按需购药，不必囤积。');
    await page.getByLabel('依据和来源').fill('景德镇市药品供应监测周报 https://example.gov.cn/weekly/10');
    await page.getByLabel('发布机构').fill('景德镇市卫生健康委员会');
    await page.getByLabel('相关药品').fill('布洛芬');
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.getByRole('heading', { name: '预览（公众看到的样子）' })).toBeVisible();
    await expect(page.locator('.staff-preview strong')).toHaveText('布洛芬库存充足');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByText('草稿已保存。')).toBeVisible();
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByText('已提交审核。')).toBeVisible();
    // The author is offered no way to publish its own text.
    await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
    await signOut(page);

    await signIn(page, 'e2e.reviewer');
    await page.goto('/staff/clarifications');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('radio', { name: '立即发布' }).check();
    await page.getByRole('button', { name: '审核通过' }).click();
    await expect(page.getByText('已发布。')).toBeVisible();
    const permalink = await page.locator('dd a[href^="/clarifications/"]').getAttribute('href');
    expect(permalink).toMatch(/^\/clarifications\/\d{4}\/[a-z0-9-]+$/);
    await signOut(page);

    await page.goto('/drugs/W078');
    const box = page.getByRole('region', { name: '关于本药的辟谣澄清' });
    await expect(box.getByRole('link', { name: title })).toHaveAttribute('href', permalink ?? '');

    const rss = await request.get('/feeds/clarifications.rss.xml');
    expect(rss.headers()['content-type']).toContain('application/rss+xml');
    expect(await rss.text()).toContain(title);

    await page.goto(permalink ?? '/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('.claim-box')).toContainText('不实');
    await expect(page.locator('#citation-line')).toContainText(`《${title}》，景德镇市卫生健康委员会，`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd).toMatchObject({ '@type': 'ClaimReview', reviewRating: { alternateName: '不实' } });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
  });

  test('a reviewer’s correction stays pending until a second reviewer approves it', async ({ page }) => {
    const title = `关于“头孢停产”的澄清 ${Date.now()}`;
    await signIn(page, 'e2e.publisher');
    await page.goto('/staff/clarifications/new');
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('网传说法').fill('头孢类抗生素全部停产');
    await page.getByRole('radio', { name: '不实', exact: true }).check();
    await page.getByLabel('核实情况（正文）').fill('经核实，头孢类药品生产供应正常。');
    await page.getByLabel('依据和来源').fill('景德镇市药品供应监测周报 https://example.gov.cn/weekly/11');
    await page.getByLabel('发布机构').fill('景德镇市卫生健康委员会');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByText('已提交审核。')).toBeVisible();
    const staffPath = new URL(page.url()).pathname;
    await signOut(page);

    await signIn(page, 'e2e.reviewer');
    await page.goto(staffPath);
    await page.getByRole('radio', { name: '立即发布' }).check();
    await page.getByRole('button', { name: '审核通过' }).click();
    await expect(page.getByText('已发布。')).toBeVisible();
    const permalink = (await page.locator('dd a[href^="/clarifications/"]').getAttribute('href')) ?? '/';
    await page.getByRole('link', { name: '提出更正' }).click();
    await page.getByLabel('更正说明', { exact: true }).fill('个别药店曾短暂缺货，更正核实结论');
    await page.getByRole('radio', { name: '部分不实', exact: true }).check();
    await page.getByRole('button', { name: '提交更正（须另一位审核人批准）' }).click();
    await expect(page.getByText('更正已提交，须由另一位审核人批准后才公开')).toBeVisible();
    // Its author is offered no way to approve it.
    await expect(page.getByRole('button', { name: '批准更正' })).toHaveCount(0);
    await signOut(page);

    await page.goto(permalink);
    await expect(page.locator('.claim-box')).toContainText('不实');
    await expect(page.locator('.claim-box')).not.toContainText('部分不实');

    await signIn(page, 'e2e.reviewer2');
    await page.goto(staffPath);
    const panel = page.getByRole('region', { name: '待审核的更正' });
    await expect(panel.getByRole('row', { name: /核实结论/ })).toContainText('部分不实');
    await panel.getByRole('button', { name: '批准更正' }).click();
    await expect(page.getByText('更正已批准，现已公开。')).toBeVisible();
    await signOut(page);

    await page.goto(permalink);
    await expect(page.locator('.claim-box')).toContainText('部分不实');
    await expect(page.getByText('个别药店曾短暂缺货，更正核实结论')).toBeVisible();
  });

  test('the public list and the staff queue have no accessibility violations', async ({ page }) => {
    await page.goto('/clarifications');
    const list = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag22aa']).analyze();
    expect(list.violations.map((v) => v.id)).toEqual([]);
    await signIn(page, 'e2e.reviewer');
    await page.goto('/staff/clarifications');
    const queue = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag22aa']).analyze();
    expect(queue.violations.map((v) => v.id)).toEqual([]);
  });
});
