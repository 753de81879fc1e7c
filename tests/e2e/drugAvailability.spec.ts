import { expect, test } from '@playwright/test';

/** 珠山区 city centre, WGS-84. */
const citizen = { latitude: 29.3, longitude: 117.205 };

function distances(texts: string[]): number[] {
  return texts.map((t) => Number(/约 ([\d.]+) 公里/.exec(t)?.[1] ?? Number.NaN));
}

test.describe('where to get a drug', () => {
  test('a drug page lists facilities with status, freshness, phone and navigation links', async ({ page }) => {
    await page.goto('/search?q=布洛芬');
    await page.locator('.result-card a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('布洛芬');
    const first = page.locator('.facility-card').first();
    await expect(first.locator('.status')).toHaveText(/有货|紧张|缺货/);
    await expect(first).toContainText('更新于');
    await expect(page.locator('.facility-card a[href^="tel:"]').first()).toBeVisible();
    await expect(first.locator('a[href^="https://uri.amap.com/marker"]')).toHaveCount(1);
    await expect(first.locator('a[href^="https://api.map.baidu.com/marker"]')).toHaveCount(1);
    await expect(first.locator('a[href^="https://apis.map.qq.com/uri/v1/marker"]')).toHaveCount(1);
  });

  test('sharing a location (on tap only) lists the nearest facilities first', async ({ browser }) => {
    const context = await browser.newContext({ geolocation: citizen, permissions: ['geolocation'], viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/search?q=阿莫西林');
    await page.locator('.result-card a').first().click();
    expect(page.url()).not.toContain('lat=');
    await page.getByRole('button', { name: '使用我的位置查找附近' }).click();
    await expect(page).toHaveURL(/lat=29\.3/);
    await expect(page.getByText('按距离由近到远排列')).toBeVisible();
    const cards = await page.locator('.facility-card .facility-kind').allTextContents();
    const km = distances(cards);
    expect(km.length).toBeGreaterThan(3);
    expect(km.every((d) => Number.isFinite(d))).toBe(true);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    expect(km[0]).toBeLessThan(5);
    await context.close();
  });

  test('picking a region instead lists only that county, with stock first', async ({ page }) => {
    await page.goto('/search?q=阿莫西林');
    await page.locator('.result-card a').first().click();
    await page.getByLabel('地区').selectOption({ label: '　乐平市' });
    await page.getByLabel('只看现在有货').check();
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(/region=360281/);
    const addresses = await page.locator('.facility-card .facility-address').allTextContents();
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toContain('乐平市');
    const statuses = await page.locator('.facility-card .status').allTextContents();
    expect(statuses).not.toContain('缺货');
  });

  test('a facility page shows its stock and finds a drug within it', async ({ page }) => {
    await page.goto('/search?q=布洛芬');
    await page.locator('.result-card a').first().click();
    await page.locator('.facility-card h3 a').first().click();
    await expect(page.getByRole('heading', { level: 2, name: /在售药品/ })).toBeVisible();
    await page.getByLabel('在本机构查找药品').fill('blf');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.locator('tbody tr').first()).toContainText('布洛芬');
  });
});
