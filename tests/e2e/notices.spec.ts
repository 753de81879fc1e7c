import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { seedStaff, signInAs } from './support/staffSession.ts';

// Accounts are created in the portal's own store by the clarifications' seeding helper (idempotent).
const password = 'e2e notice passphrase';
const accounts = [
  { username: 'e2e.notice.pub', displayName: '李起草', regionCode: '3602', roles: ['publisher'] },
  { username: 'e2e.notice.rev', displayName: '王审核', regionCode: '3602', roles: ['reviewer'] },
  { username: 'e2e.notice.zhushan', displayName: '赵区县', regionCode: '360203', roles: ['publisher'] },
];

test.beforeAll(() => seedStaff(accounts, password));

const signIn = (page: Page, username: string) => signInAs(page, username, password, { fresh: true });

/** A real PDF, printed by the browser under test. */
async function printedPdf(page: Page): Promise<Buffer> {
  const printer = await page.context().newPage();
  await printer.setContent('<h1>景卫药政字〔2026〕12号</h1><p>示例附件</p>');
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  return pdf;
}

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.describe('quarterly notices', () => {
  test('a county publisher is refused a neighbour county on the server, even with a forged form', async ({ page }) => {
    await signIn(page, 'e2e.notice.zhushan');
    await page.goto('/staff/notices/new');
    const offered = await page.locator('#regionCode option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['360203']);
    // What a hand-edited form would send: 昌江区 (360202) next door.
    await page.locator('#regionCode').evaluate((select) => {
      const option = new Option('昌江区', '360202', true, true);
      (select as HTMLSelectElement).add(option);
    });
    await page.getByLabel('文号').fill('昌卫字〔2026〕1号');
    await page.getByRole('button', { name: '生成草稿' }).click();
    await expect(page.locator('.error-summary')).toContainText('只能处理本人所在地区及下级地区的通报');
    await expect(page).toHaveURL(/\/staff\/notices\/new$/);
  });

  test('drafted from the portal’s figures, a PDF attached, published by a second person, readable and downloadable', async ({ page, request }) => {
    await signIn(page, 'e2e.notice.pub');
    await page.goto('/staff/notices/new');
    await page.locator('#regionCode').selectOption('3602');
    // A retried run finds its first attempt's notice for the quarter, so each attempt takes an earlier one.
    await page.locator('#quarter').selectOption({ index: 1 + test.info().retry });
    const quarter = await page.locator('#quarter').inputValue();
    await page.getByLabel('文号').fill('景卫药政字[2026]12号');
    await page.getByRole('button', { name: '生成草稿' }).click();
    await expect(page).toHaveURL(/\/staff\/notices\/\d+\?done=created/);
    const staffUrl = page.url().replace(/\?.*$/, '');
    await expect(page.locator('.staff-preview')).toContainText('没有收到群众反映');

    await page.getByRole('link', { name: '上传附件' }).click();
    await page.getByLabel('选择 PDF 文件').setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 not a pdf') });
    await page.getByRole('button', { name: '上传附件' }).click();
    await expect(page.locator('.error-summary')).toContainText('文件内容不是 PDF');
    const pdf = await printedPdf(page);
    await page.getByLabel('选择 PDF 文件').setInputFiles({ name: '景卫药政字〔2026〕12号.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: '上传附件' }).click();
    await expect(page.getByRole('status')).toContainText('已上传');
    const sha = (await page.locator('.attachment-sha code').first().textContent()) ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);

    await page.goto(staffUrl);
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(page.getByRole('status')).toContainText('待审核');
    await expect(page.getByRole('button', { name: '审核通过并发布' })).toHaveCount(0);

    await signIn(page, 'e2e.notice.rev');
    await page.goto(staffUrl);
    await page.getByRole('button', { name: '审核通过并发布' }).click();
    await expect(page.getByRole('status')).toContainText('已发布');

    const path = `/notices/3602/${quarter}`;
    await page.goto(path);
    await expect(page.locator('.doc-number')).toHaveText(/景卫药政字〔2026〕12号/);
    await expect(page.locator('.notice-body table').first()).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);

    const file = await request.get(`${path}/attachments/${sha}.pdf`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await file.body()).equals(pdf)).toBe(true);

    await page.goto(`/notices?quarter=${quarter}`);
    await expect(page.getByRole('link', { name: /景德镇市.*通报/ })).toHaveAttribute('href', path);
    const list = await new AxeBuilder({ page }).withTags(wcag).analyze();
    expect(list.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
    const api = await (await request.get(`/api/notices?quarter=${quarter}`)).json();
    expect(api.items[0].attachments[0].sha256).toBe(sha);
  });
});
