import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, test } from '@playwright/test';

/**
 * Each step is another citizen: a browser of their own (own device cookie, own cache). All come from one
 * address, whose no-script limit (5 an hour) the whole e2e run shares, so only the step that is about the
 * no-JavaScript tap goes without JavaScript.
 */
async function citizen(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
}

test('also seen (也遇到了): one tap adds to a facility\'s open case, without JavaScript and with it', async ({ browser }) => {
  test.setTimeout(90_000);
  // A first citizen reports the drug missing at the first pharmacy listed.
  const first = await citizen(browser, true);
  await first.goto('/drugs/W078');
  const card = first.locator('.facility-card').first();
  const pharmacy = (await card.locator('h3').textContent())?.trim() ?? '';
  await card.getByRole('link', { name: /这里买不到/ }).click();
  await expect(first.locator('#challenge-state')).toHaveText('安全验证已完成', { timeout: 20_000 });
  await first.getByRole('button', { name: '提交反映' }).click();
  await expect(first.getByRole('heading', { name: '已收到您的反映' })).toBeVisible();

  // A second, without JavaScript, sees the case in that pharmacy's row and adds to it with one tap.
  const second = await citizen(browser, false);
  await second.goto('/drugs/W078');
  const row = second.locator('.facility-card', { has: second.getByRole('heading', { name: pharmacy }) });
  await row.getByRole('button', { name: '也遇到了（1）' }).click();
  await expect(second.getByRole('heading', { name: '已收到您的反映' })).toBeVisible();
  await expect(second.locator('#same-joined')).toHaveText('已加入同一问题的反映，现在共有 2 人反映。');
  await expect(second.locator('#tracking-number')).toHaveText(/^JDZ-\d{8}-\d{4}$/);
  await second.screenshot({ path: 'screenshots/same-problem-joined.png', fullPage: true });

  // A third, with JavaScript: the island solves the challenge on the tap, then the same form goes.
  const third = await citizen(browser, true);
  await third.goto('/drugs/W078');
  const rowAgain = third.locator('.facility-card', { has: third.getByRole('heading', { name: pharmacy }) });
  const button = rowAgain.getByRole('button', { name: '也遇到了（2）' });
  await button.scrollIntoViewIfNeeded();
  await third.screenshot({ path: 'screenshots/same-problem-row.png' });
  const axe = await new AxeBuilder({ page: third }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  const posted = third.waitForRequest((r) => r.url().endsWith('/report/same') && r.method() === 'POST');
  await button.click();
  expect((await posted).postData()).toMatch(/altcha=[A-Za-z0-9%]+/);
  await expect(third.locator('#same-joined')).toHaveText('已加入同一问题的反映，现在共有 3 人反映。', { timeout: 20_000 });
});

test("a county's case (no facility) is offered in the drug page's own list", async ({ browser }) => {
  const first = await citizen(browser, true);
  await first.goto('/report?drug=W078');
  await expect(first.locator('#challenge-state')).toHaveText('安全验证已完成', { timeout: 20_000 });
  await first.getByLabel('价格异常上涨').check();
  await first.getByLabel('所在县（市、区）').selectOption({ label: '乐平市' });
  await first.getByRole('button', { name: '提交反映' }).click();
  await expect(first.getByRole('heading', { name: '已收到您的反映' })).toBeVisible();

  const second = await citizen(browser, true);
  await second.goto('/drugs/W078');
  const list = second.getByRole('region', { name: '近 7 天群众反映' });
  const item = list.getByRole('listitem').filter({ hasText: '乐平市' });
  await expect(item).toContainText('价格异常上涨');
  await item.scrollIntoViewIfNeeded();
  await second.screenshot({ path: 'screenshots/same-problem-list.png' });
  await item.getByRole('button', { name: '也遇到了（1）' }).click();
  await expect(second.locator('#same-joined')).toHaveText('已加入同一问题的反映，现在共有 2 人反映。', { timeout: 20_000 });
});
