import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { seedStaff, signInAs } from './support/staffSession.ts';

/*
 * Price watch end to end: a facility in 珠山区 (360203) raises its 布洛芬 price through the real stock import
 * (npm run import:stock); the 珠山区 officer sees the signal on the dashboard, the 昌江区 (360202) officer does
 * not; the drug page compares the area's prices with the 示例 集采中选价.
 */
const password = 'e2e-Prices-2026!';
const county = { username: 'e2e.prices.zhushan', displayName: '珠山价格', regionCode: '360203', roles: ['intake'] };
const neighbour = { username: 'e2e.prices.changjiang', displayName: '昌江价格', regionCode: '360202', roles: ['intake'] };

/** Beijing wall-clock time, as a clerk types it in the file. */
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function importStock(rows: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-prices-'));
  const file = join(dir, 'stock.csv');
  writeFileSync(file, `facility_code,drug,status,quantity,price,price_unit,dosage_form,strength,reported_at\n${rows.join('\n')}\n`);
  execFileSync(process.execPath, ['scripts/import-stock.ts', file], { env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR }, stdio: 'pipe' });
}

test.beforeAll(() => seedStaff([county, neighbour], password));

test('a price rise in one county signals to that county only, and staff act on it', async ({ page, request }) => {
  // Three sign-ins and two imports on a shared 2-core machine.
  test.setTimeout(120_000);
  const answer = await request.get('/api/drugs/W078/availability?region=360203&limit=1');
  const facility = (await answer.json()).facilities[0] as { id: string; name: string };
  const now = Date.now();
  importStock([`${facility.id},W078,有货,20,10.00,盒(0.2g×20粒),胶囊,0.2g,${beijing(new Date(now))}`]);
  importStock([`${facility.id},W078,有货,20,13.00,盒(0.2g×20粒),胶囊,0.2g,${beijing(new Date(now + 5 * 60_000))}`]);

  await signInAs(page, county.username, password, { fresh: true });
  // The demo's own price history for this facility is older than both imports, so each import's price is
  // measured against it and each makes a rise signal; the row of the second import's price is the one checked.
  const rise = page.getByTestId('price-signals').locator('tr[data-kind="rise"]', { hasText: facility.name }).filter({ hasText: '升至 ¥0.650' });
  await expect(rise).toContainText(/上涨 [\d.]+%/);
  await expect(rise.getByRole('link', { name: '价格事实' })).toHaveAttribute('href', /\/drugs\/W078\?region=360203/);

  await signInAs(page, neighbour.username, password, { fresh: true });
  await expect(page.getByRole('heading', { name: /价格异常信号/ })).toBeVisible();
  await expect(page.locator('tr[data-kind="rise"]', { hasText: facility.name })).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, county.username, password, { fresh: true });
  await page.goto('/staff/prices');
  const riseRow = page.locator('tr[data-kind="rise"]', { hasText: facility.name }).filter({ hasText: '升至 ¥0.650' });
  await expect(riseRow).toBeVisible();
  await page.screenshot({ path: 'screenshots/prices-staff-signals-1280.png' });
  await riseRow.getByRole('link', { name: '涨幅异常' }).click();
  await page.getByRole('button', { name: '分派给我' }).click();
  await expect(page.getByRole('status')).toContainText('已保存');
  await page.getByLabel('处置方式').selectOption('inquiry');
  await page.getByLabel('处置情况').fill('已函询，机构称进价上涨');
  await page.getByRole('button', { name: '保存处置' }).click();
  await expect(page.getByTestId('price-signals')).toContainText('函询约谈');
});

test('the drug page shows the area’s range and the 集采中选价 comparison, readable at 390 px', async ({ page }) => {
  await page.goto('/drugs/W078?region=3602');
  const prices = page.getByTestId('drug-prices');
  await expect(prices.getByTestId('price-reference').first()).toContainText(/国家集采中选价（示例） ¥0\.260\/粒 \/ 中位价高于中选价 \d+(\.\d+)?%/);
  await expect(prices).toContainText('最低');
  await expect(prices.locator('svg')).toHaveCount(1);
  await prices.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/prices-drug-page-390.png' });
  await prices.getByText('每周中位价').click();
  await expect(prices.locator('table tbody tr').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-testid="drug-prices"]').analyze();
  expect(results.violations).toEqual([]);
});
