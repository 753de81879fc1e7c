/**
 * Screenshots of a clarification page and the back-office queue at 390×844 and 1280×800, which
 * scripts/screenshots.ts cannot take because the queue needs a signed-in reviewer. Run against a portal
 * started with DEMO_DATA=1 on a scratch DATA_DIR; it creates two test accounts there (seedStaff.ts) and, when
 * no clarification is published yet, drafts and publishes one through the real pages.
 *
 *   DATA_DIR=/tmp/portal-shots node tests/e2e/support/clarificationScreenshots.ts --base http://127.0.0.1:4321
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';

const { values } = parseArgs({ options: { base: { type: 'string', default: 'http://127.0.0.1:4321' }, out: { type: 'string', default: 'screenshots' } } });
const base = values.base;
const password = 'screenshot passphrase only';
execFileSync(process.execPath, [join(import.meta.dirname, 'seedStaff.ts'), JSON.stringify([
  { username: 'shots.publisher', displayName: '李发布', regionCode: '3602', roles: ['publisher'] },
  { username: 'shots.reviewer', displayName: '王审核', regionCode: '3602', roles: ['reviewer'] },
])], { env: { ...process.env, E2E_STAFF_PASSWORD: password }, stdio: 'inherit' });

async function signIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/staff/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/staff$/);
}

async function publishExample(page: Page): Promise<void> {
  await signIn(page, 'shots.publisher');
  await page.goto(`${base}/staff/clarifications/new`);
  await page.getByLabel('标题').fill('关于网传“布洛芬全国断货”的说明（示例）');
  await page.getByLabel('网传说法').fill('布洛芬全国断货，药店都买不到了，要赶紧囤药');
  await page.getByRole('radio', { name: '不实', exact: true }).check();
  await page.getByLabel('核实情况（正文）').fill('经核实，全市定点零售药店和基层医疗卫生机构布洛芬片、布洛芬混悬液**库存充足**，供应正常。\n\n## 购药建议\n\n- 请按需购药，不必囤积；\n- 儿童用药请遵医嘱。\n\n（本条为演示数据，非官方发布。）');
  await page.getByLabel('依据和来源').fill('示例来源：药品供应监测周报 https://example.gov.cn/weekly');
  await page.getByLabel('发布机构').fill('示例发布机构');
  await page.getByLabel('相关药品').fill('W078');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByRole('button', { name: '提交审核' }).click();
  await signIn(page, 'shots.reviewer');
  await page.goto(`${base}/staff/clarifications`);
  await page.locator('#queue-in_review + ul a').first().click();
  await page.getByRole('button', { name: '审核通过' }).click();
}

mkdirSync(values.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
});
for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}/clarifications`);
  if ((await page.locator('.clarification-card a').count()) === 0) await publishExample(page);
  await page.goto(`${base}/clarifications`);
  await page.locator('.clarification-card a').first().click();
  await page.waitForLoadState('networkidle');
  for (const [name, go] of [
    ['clarification', async () => {}],
    ['staff-clarifications', async () => {
      await signIn(page, 'shots.reviewer');
      await page.goto(`${base}/staff/clarifications`, { waitUntil: 'networkidle' });
    }],
  ] as const) {
    await go();
    const file = join(values.out, `${name}-${viewport.width}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(file);
  }
  await context.close();
}
await browser.close();
