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
    await page.goto('/drugs/W006');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('没有网络连接');
    await context.setOffline(false);
  });
});
