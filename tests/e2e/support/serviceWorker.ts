import { expect, type Page } from '@playwright/test';

/** Loads `path` and waits until the portal's service worker controls the page, as on a second visit. */
export async function openUnderServiceWorker(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
