import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { openUnderServiceWorker } from './support/serviceWorker.ts';

/** Tracking numbers of the reports stored with this description, read from the store of the portal under test. */
function storedReports(description: string): string[] {
  const out = execFileSync(process.execPath, ['tests/e2e/support/reportsWithDescription.ts', description], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
  });
  return JSON.parse(out.toString('utf8')) as string[];
}

test('a report written without signal is kept, then delivered once when the network returns', async ({ page, context }) => {
  const marker = `离线时写的反映 ${Date.now()}`;
  await openUnderServiceWorker(page, '/report?drug=W078');
  await page.getByLabel('买不到').check();
  await page.getByLabel('所在县（市、区）').selectOption({ label: '珠山区' });
  await page.getByLabel('情况说明（可选）').fill(marker);

  await context.setOffline(true);
  await page.getByRole('button', { name: '提交反映' }).click();
  const outbox = page.locator('#report-outbox');
  await expect(outbox).toContainText('已保存，联网后自动提交');
  await expect(page.locator('#report-form')).toBeHidden();
  await page.screenshot({ path: 'screenshots/report-queued-offline-390.png' });
  expect(storedReports(marker)).toEqual([]);

  await context.setOffline(false);
  const trackingNumber = page.locator('.outbox-tracking-number');
  await expect(trackingNumber).toHaveText(/^JDZ-\d{8}-\d{4}$/, { timeout: 15_000 });
  await expect(page.locator('.outbox-check-code')).toHaveText(/^[A-Z0-9]{8}$/);
  await page.screenshot({ path: 'screenshots/report-delivered-after-offline-390.png' });
  await expectNoAxeViolations(page);

  // Another start (where the page's online handler and the worker's sync may both have run): still one report.
  await page.goto('/');
  await expect(trackingNumber).toHaveText(/^JDZ-/);
  expect(storedReports(marker)).toEqual([await trackingNumber.textContent()]);

  // The check code stays on the phone only until the citizen has noted it, and never in the page cache.
  await page.getByRole('button', { name: '我已记下' }).click();
  await expect(outbox).toBeHidden();
  await page.reload();
  await expect(outbox).toBeHidden();
  const code = await page.evaluate(async () => {
    const texts: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) texts.push((await (await cache.match(request))?.text()) ?? "");
    }
    return texts.join('\n');
  });
  expect(code).not.toContain(marker);
  expect(storedReports(marker)).toHaveLength(1);
});
