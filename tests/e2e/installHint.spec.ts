import { expect, type Page, test } from '@playwright/test';

/** What Chromium fires when the portal is installable; headless Chromium never does, so the test fires it. */
async function browserOffersInstall(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => Object.assign(window, { installPrompted: true }),
    });
    window.dispatchEvent(offer);
  });
}

test('the install hint waits for a second visit, offers the browser’s install, and stays away once dismissed', async ({ context }) => {
  const hint = (page: Page) => page.getByRole('complementary', { name: '添加到桌面' });

  const first = await context.newPage();
  await first.goto('/');
  await browserOffersInstall(first);
  await expect(hint(first)).toBeHidden();
  await first.close();

  const second = await context.newPage();
  await second.goto('/drugs/W078');
  await browserOffersInstall(second);
  await expect(hint(second)).toBeVisible();
  await expect(hint(second)).toContainText('添加到手机桌面');
  await hint(second).scrollIntoViewIfNeeded();
  await second.screenshot({ path: 'screenshots/install-hint-390.png' });
  await second.getByRole('button', { name: '添加到桌面' }).click();
  expect(await second.evaluate(() => 'installPrompted' in window)).toBe(true);
  await expect(hint(second)).toBeHidden();
  await second.close();

  const third = await context.newPage();
  await third.goto('/');
  await browserOffersInstall(third);
  await expect(hint(third)).toBeHidden();
});

test('不用了 is remembered on the phone', async ({ context }) => {
  for (const path of ['/', '/shortages']) {
    const page = await context.newPage();
    await page.goto(path);
    await browserOffersInstall(page);
    await page.close();
  }
  const page = await context.newPage();
  await page.goto('/');
  await browserOffersInstall(page);
  await expect(page.getByRole('complementary', { name: '添加到桌面' })).toBeVisible();
  await page.getByRole('button', { name: '不用了' }).click();
  await page.reload();
  await browserOffersInstall(page);
  await expect(page.getByRole('complementary', { name: '添加到桌面' })).toBeHidden();
});
