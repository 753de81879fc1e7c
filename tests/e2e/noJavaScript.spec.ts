import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test.describe('without JavaScript', () => {
  test('the search form posts a GET and the server renders results', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('药品名称').fill('扑热息痛');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.locator('.result-card').first()).toContainText('对乙酰氨基酚');
    await page.locator('.result-card a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('对乙酰氨基酚');
    await expect(page.locator('.facility-card').first()).toBeVisible();
  });

  test('no result offers suggestions and a way to report', async ({ page }) => {
    await page.goto('/search?q=zzqxv');
    await expect(page.getByText('没有找到“zzqxv”')).toBeVisible();
    await expect(page.getByRole('link', { name: /买不到这种药/ })).toHaveAttribute('href', /\/report\?drug=zzqxv/);
  });

  test('a need word lists drugs by use under the name matches', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('退烧药')}`);
    const byUse = page.getByRole('region', { name: '按用途：退烧' });
    await expect(byUse).toBeVisible();
    await expect(byUse.locator('.result-card').first()).toContainText('对乙酰氨基酚');
    await expect(byUse).toContainText('解热镇痛、抗炎、抗风湿药');
  });

  test('an unknown brand-like word says so instead of listing unrelated drugs', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('拜耳新同')}`);
    await expect(page.getByText('没有找到“拜耳新同”')).toBeVisible();
    await expect(page.locator('.result-card')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /买不到这种药/ })).toHaveAttribute('href', /\/report\?drug=/);
  });

  test('large-text mode is a form post that persists across pages', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /大字模式/ }).click();
    await expect(page.locator('html')).toHaveClass(/text-large/);
    await page.goto('/search?q=blf');
    await expect(page.locator('html')).toHaveClass(/text-large/);
    await expect(page.getByRole('button', { name: /大字模式/ })).toHaveAttribute('aria-pressed', 'true');
  });
});
