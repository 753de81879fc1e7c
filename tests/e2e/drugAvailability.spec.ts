import { expect, test } from '@playwright/test';

/** 珠山区 city centre, WGS-84. */
const citizen = { latitude: 29.3, longitude: 117.205 };

test.describe('where to get a drug', () => {
  test('a drug page lists facilities with status, source and age, one call button and a navigation menu', async ({ page }) => {
    await page.goto('/search?q=布洛芬');
    await page.locator('.result-card a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('布洛芬');
    const first = page.locator('.facility-card').first();
    await expect(first.locator('.status')).toHaveText(/有货|紧张|缺货|请电话确认/);
    await expect(first.locator('.fact-source')).toHaveText(/(演示数据|药店自报|卫健部门导入) · /);
    await expect(page.locator('.facility-card a[href^="tel:"]').first()).toBeVisible();
    // The map choices sit behind one 导航 menu that opens without JavaScript.
    await expect(first.locator('a[href^="https://uri.amap.com/marker"]')).toBeHidden();
    await first.getByText('导航').click();
    await expect(first.locator('a[href^="https://uri.amap.com/marker"]')).toBeVisible();
    await expect(first.locator('a[href^="https://api.map.baidu.com/marker"]')).toHaveCount(1);
    await expect(first.locator('a[href^="https://apis.map.qq.com/uri/v1/marker"]')).toHaveCount(1);
  });

  test('after locating, the answer and the first facility with its call button are on the first screen; the next drug keeps the place', async ({ browser }) => {
    const context = await browser.newContext({ geolocation: citizen, permissions: ['geolocation'], viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/search?q=阿莫西林');
    await page.locator('.result-card a').first().click();
    expect(page.url()).not.toContain('lat=');
    await page.getByRole('link', { name: '使用我的位置查找附近' }).click();
    await expect(page).toHaveURL(/lat=29\.3/);
    await expect(page.getByText(/按距离排序 · 以您的位置为中心 20 公里/)).toBeVisible();
    await expect(page.getByTestId('area-status')).toHaveText(/附近 \d+ 家有货 · (\d+ 家现在营业|暂无确认营业中的) · 最近一家有货的 [\d.]+ 公里，(营业中|休息中|营业时间未知)/);
    await page.evaluate(() => window.scrollTo(0, 0));
    const first = page.locator('.facility-card').first();
    await expect(first).toBeInViewport();
    await expect(page.locator('.facility-card a[href^="tel:"]').first()).toBeInViewport();
    // Usable facts lead: no 缺货 or call-first card before the first fresh 有货.
    const standings = await page.locator('.facility-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-standing')));
    const order = { usable: 0, low: 1, call: 2, disputed: 3, out: 4 } as Record<string, number>;
    const ranks = standings.map((s) => order[s ?? ''] ?? 9);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);

    await page.goto('/search?q=布洛芬');
    await page.locator('.result-card a').first().click();
    await expect(page.getByText(/按距离排序 · 以您的位置为中心 20 公里/)).toBeVisible();
    await page.getByRole('link', { name: '清除位置' }).click();
    await expect(page.getByText(/按距离排序/)).toHaveCount(0);
    await context.close();
  });

  test('a stale 有货 asks to phone first, with the call button first', async ({ page }) => {
    // Stale facts rank below fresh ones, so they sit on a later page of the city-wide list.
    for (let n = 1; n <= 5; n++) {
      await page.goto(`/drugs/W078?region=3602&limit=100&page=${n}`);
      if ((await page.locator('.facility-card[data-standing="call"]').count()) > 0) break;
    }
    const stale = page.locator('.facility-card[data-standing="call"]').first();
    await expect(stale.locator('.status')).toHaveText('请电话确认');
    await expect(stale.locator('.fact-source')).toContainText('天前');
    const firstAction = stale.locator('.facility-actions > *').first();
    await expect(firstAction).toHaveAttribute('href', /^tel:/);
  });

  test('picking a region instead lists only that county, with stock first', async ({ page }) => {
    await page.goto('/search?q=阿莫西林');
    await page.locator('.result-card a').first().click();
    await page.getByLabel('地区').selectOption({ label: '　乐平市' });
    await page.getByText('筛选').click();
    await page.getByLabel('只看现在有货').check();
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(/region=360281/);
    await expect(page.getByText(/按地区排序 · 乐平市/)).toBeVisible();
    const statuses = await page.locator('.facility-card .status').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses).not.toContain('缺货');
  });

  test('a facility page shows its stock and finds a drug within it', async ({ page }) => {
    await page.goto('/search?q=布洛芬');
    await page.locator('.result-card a').first().click();
    await page.locator('.facility-card h3 a').first().click();
    await expect(page.getByRole('heading', { level: 2, name: /在售药品/ })).toBeVisible();
    await page.getByLabel('在本机构查找药品').fill('blf');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByTestId('facility-stock').locator('tbody tr').first()).toContainText('布洛芬');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a county pick gives the list, paging works and the navigation menu opens', async ({ page }) => {
    await page.goto('/drugs/W078');
    await page.getByRole('link', { name: '使用我的位置查找附近' }).click();
    await page.getByLabel('地区').selectOption({ label: '　乐平市' });
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(/region=360281/);
    const first = page.locator('.facility-card').first();
    await first.getByText('导航').click();
    await expect(first.locator('a[href^="https://uri.amap.com/marker"]')).toBeVisible();
    const next = page.getByRole('link', { name: '下一页' });
    if ((await next.count()) > 0) {
      await next.click();
      await expect(page.getByText(/第 2 \/ \d+ 页/)).toBeVisible();
    }
  });
});
