import { expect, test } from '@playwright/test';
import { islandsHydrated } from './support/hydration.ts';

test.describe('search as you type', () => {
  test('initials suggest the drug and Enter opens it', async ({ page }) => {
    await page.goto('/');
    await islandsHydrated(page);
    const box = page.getByRole('combobox', { name: '药品名称' });
    await box.fill('blf');
    const option = page.getByRole('option').filter({ hasText: '布洛芬' }).first();
    await expect(option).toBeVisible();
    await expect(page.getByRole('status').first()).toContainText('找到');
    await box.press('ArrowDown');
    await expect(box).toHaveAttribute('aria-activedescendant', /-0$/);
    await box.press('Enter');
    await expect(page).toHaveURL(/\/drugs\/W\d+/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('布洛芬');
  });

  test('a brand name typed in Chinese suggests its generic drug', async ({ page }) => {
    await page.goto('/');
    await islandsHydrated(page);
    await page.getByRole('combobox', { name: '药品名称' }).fill('芬必得');
    await expect(page.getByRole('option').first()).toContainText('布洛芬');
  });

  test('Escape closes the suggestions and Enter without a choice submits the form', async ({ page }) => {
    await page.goto('/');
    await islandsHydrated(page);
    const box = page.getByRole('combobox', { name: '药品名称' });
    await box.fill('头孢');
    await expect(page.getByRole('listbox')).toBeVisible();
    await box.press('Escape');
    await expect(page.getByRole('listbox')).toBeHidden();
    // Chromium also clears a search field on Escape; type again and submit without choosing an option.
    await box.fill('头孢');
    await expect(page.getByRole('listbox')).toBeVisible();
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.locator('.result-card').first()).toContainText('头孢');
  });

  test('a results page does not pop up suggestions for the query it already shows', async ({ page }) => {
    await page.goto('/search?q=头孢');
    await islandsHydrated(page);
    await expect(page.locator('.result-card').first()).toBeVisible();
    // Give a would-be request time to come back before checking that nothing opened.
    await page.waitForTimeout(600);
    await expect(page.getByRole('listbox')).toBeHidden();
    await page.getByRole('combobox', { name: '药品名称' }).fill('头孢曲');
    await expect(page.getByRole('option').first()).toContainText('头孢曲松');
  });
});
