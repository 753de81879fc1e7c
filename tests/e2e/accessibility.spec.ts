import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = [
  { name: 'home', path: '/' },
  { name: 'results', path: '/search?q=头孢' },
  { name: 'no results', path: '/search?q=zzqxv' },
  { name: 'drug', path: '/drugs/W078' },
  { name: 'drug near a point', path: '/drugs/W078?lat=29.3&lng=117.205' },
  { name: 'not found', path: '/drugs/W999' },
  { name: 'enforcement results', path: '/enforcement' },
];

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const { name, path } of pages) {
    test(`${name} has no WCAG A/AA violations`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
    });
  }

  test('large-text mode has no violations either', async ({ page, context }) => {
    await context.addCookies([{ name: 'text-size', value: 'large', url: 'http://127.0.0.1' }]);
    await page.goto('/drugs/W078');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  test('keyboard users can skip to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
