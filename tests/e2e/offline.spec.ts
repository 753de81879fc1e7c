import { expect, test } from '@playwright/test';

test.describe('offline (service worker)', () => {
  test('a page seen before opens offline, and an unseen page gets the offline notice', async ({ page, context }) => {
    await page.goto('/drugs/W078');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Once the worker controls the page, the next load goes through it and lands in its cache.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.reload();

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('布洛芬');
    // The saved copy says it is one, and how old it is; stock facts in it ask to be confirmed online.
    await expect(page.locator('#offline-copy-banner')).toContainText(/离线副本，(刚刚保存|保存于 \d+ 分钟前)/);
    await expect(page.locator('.offline-confirm').first()).toHaveText('（请联网确认）');
    await page.screenshot({ path: 'screenshots/offline-banner-390.png' });
    await page.goto('/drugs/W006');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('没有网络连接');
    await expect(page.locator('#saved-pages')).toContainText(/药品：布洛芬.*（保存于 /);
    await page.screenshot({ path: 'screenshots/offline-page-390.png', fullPage: true });
    await context.setOffline(false);
  });

  test('staff pages are never stored on the phone', async ({ page }) => {
    await page.goto('/drugs/W078');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.goto('/staff/login');
    await page.goto('/drugs/W078');
    const stored = await page.evaluate(async () => (await (await caches.open('pages')).keys()).map((r) => new URL(r.url).pathname));
    expect(stored).toContain('/drugs/W078');
    expect(stored.filter((path) => path.startsWith('/staff'))).toEqual([]);
  });
});
