import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openUnderServiceWorker } from './support/serviceWorker.ts';

// The portal serves the built worker from here; changing one byte is what a new build does to it.
const builtWorker = 'dist/client/sw.js';

test.describe('a new version of the portal', () => {
  const original = readFileSync(builtWorker, 'utf8');
  test.afterEach(() => writeFileSync(builtWorker, original));

  test('waits until the citizen taps "有新版本，点此更新", then takes over and reloads', async ({ page }) => {
    await openUnderServiceWorker(page, '/');
    writeFileSync(builtWorker, `${original}\n// new build ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const prompt = page.getByRole('button', { name: '有新版本，点此更新' });
    await expect(prompt).toBeVisible({ timeout: 15_000 });
    // Quiet: it waits for the tap, the old worker keeps serving.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);
    await page.screenshot({ path: 'screenshots/update-prompt-390.png' });

    await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
    await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), prompt.click()]);
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
    await expect(page.getByRole('button', { name: '有新版本，点此更新' })).toBeHidden();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
  });

  test('is not offered while a form has unsaved input', async ({ page }) => {
    await openUnderServiceWorker(page, '/report');
    await page.getByLabel('情况说明（可选）').fill('还没写完');
    writeFileSync(builtWorker, `${original}\n// new build ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null), { timeout: 15_000 }).toBe(true);
    await expect(page.getByRole('button', { name: '有新版本，点此更新' })).toBeHidden();
    // The next page, with nothing typed, offers it.
    await page.goto('/');
    await expect(page.getByRole('button', { name: '有新版本，点此更新' })).toBeVisible({ timeout: 15_000 });
  });
});
