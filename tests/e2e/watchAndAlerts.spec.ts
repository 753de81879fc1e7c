import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatShanghaiTime } from '../../src/domain/time/shanghaiTime.ts';
import { expectNoAxeViolations } from './support/axe.ts';

// 尿激酶 in 乐平市: the demo stock (seeded, the same every run) has no 有货 for it there.
const drug = 'W296';
const county = '360281';

/** Imports stock through the operators' command, into the store of the portal under test. */
function importStock(rows: string[]): void {
  const file = join(mkdtempSync(join(tmpdir(), 'watch-import-')), 'stock.csv');
  writeFileSync(file, `facility_code,drug,status,quantity,price,price_unit,reported_at\n${rows.join('\n')}\n`);
  execFileSync(process.execPath, ['scripts/import-stock.ts', file], { env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, LOG_LEVEL: 'warn' }, stdio: 'pipe' });
}

test('watch a drug, stock comes back in the area: the change on the next open and one alert in the private feed', async ({ page, request, context }) => {
  await page.goto(`/drugs/${drug}?region=${county}`);
  await page.getByRole('button', { name: '关注' }).click();
  await expect(page.getByRole('button', { name: '已关注（点此取消）' })).toBeVisible();
  await page.locator('.watch-drug').screenshot({ path: 'screenshots/watch-button-390.png' });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '订阅到货提醒' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('尿激酶到货提醒');
  const alertPage = new URL(page.url()).pathname;
  expect(alertPage).toMatch(/^\/alerts\/[A-Za-z0-9_-]{32}$/);
  await expect(page.getByText('还没有提醒。')).toBeVisible();

  await page.goto('/');
  const item = page.locator('.watch-item', { hasText: '尿激酶' });
  await expect(item).toContainText('乐平市');
  await expect(item).toContainText('现在没有新近有货的报告');

  const now = formatShanghaiTime(new Date(Date.now() - 2 * 60_000));
  importStock([`JDZ-P-0154,${drug},有货,5,,,${now}`]);
  await expect(async () => {
    await page.reload();
    await expect(item).toContainText('新增 1 家有货', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(item).toContainText('现在 1 家有货');
  await page.screenshot({ path: 'screenshots/watch-list-change-390.png' });
  await expectNoAxeViolations(page);
  // The change was "since the last look": the look after it has nothing new.
  await page.reload();
  await expect(item).toContainText('没有变化');

  // Without signal, the offline page still shows what the last look found.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto('/drugs/W006');
  await expect(page.locator('#watched-offline')).toContainText(/尿激酶（乐平市）：上次查看（(刚刚|\d+ 分钟前)）时 1 家有货/);
  await page.locator('#watched-offline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/offline-page-watch-list-390.png' });
  await context.setOffline(false);

  // A second pharmacy the next minute: still available, so no second alert.
  importStock([`JDZ-P-0155,${drug},有货,3,,,${formatShanghaiTime(new Date(Date.now() - 60_000))}`]);
  const feed = await (await request.get(`${alertPage}.json`)).json();
  expect(feed.items.map((i: { title: string }) => i.title)).toEqual(['尿激酶：乐平市现在有 1 家有货']);
  expect(feed.items[0].content_html).toContain(`${alertPage}#unsubscribe`);
  const atom = await request.get(`${alertPage}.atom.xml`);
  expect(atom.headers()['cache-control']).toBe('private, no-store');
  expect(await atom.text()).toContain('尿激酶：乐平市现在有 1 家有货');

  // One tap on the private page unsubscribes and erases: the feed is gone.
  await page.goto(alertPage);
  await expect(page.locator('.alert-items')).toContainText('尿激酶：乐平市现在有 1 家有货');
  await page.screenshot({ path: 'screenshots/alert-page-390.png', fullPage: true });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '退订这个提醒' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('已退订');
  expect((await request.get(`${alertPage}.json`)).status()).toBe(404);
});
