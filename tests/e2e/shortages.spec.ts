import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

// The portal starts with the demo data: 示例 lists, never an official one (src/domain/shortages/demoLists.ts).
const demoTitle = '示例短缺药品清单（演示数据，非官方发布）';

const entryNames = (page: Page) => page.locator('.entry-table tbody th.entry-name > :first-child').allTextContents();

test.describe('shortage lists (短缺药品清单)', () => {
  test('lists the demo lists in force, each labelled 示例 with its issuer and effective date', async ({ page }) => {
    await page.goto('/shortages');
    const card = page.getByRole('region', { name: demoTitle });
    await expect(card).toBeVisible();
    await expect(card.locator('.badge.demo')).toHaveText('示例');
    await expect(card).toContainText('演示数据（非官方）');
    await expect(card).toContainText('2026-09-01');
    await expect(page.locator('.entry-table')).toContainText('去甲肾上腺素');
  });

  test('filtering by dosage form keeps only entries in that form, and every entry links to its drug page', async ({ page }) => {
    await page.goto('/shortages');
    const all = await entryNames(page);
    expect(all).toContain('去甲肾上腺素');
    await page.getByLabel('剂型').selectOption('片剂');
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(/form=%E7%89%87%E5%89%82/);
    const tablets = await entryNames(page);
    expect(tablets.length).toBeGreaterThan(0);
    expect(tablets.length).toBeLessThan(all.length);
    expect(tablets).toContain('地高辛');
    expect(tablets).not.toContain('去甲肾上腺素'); // 注射液 only
    await page.getByRole('link', { name: '地高辛', exact: true }).first().click();
    await expect(page).toHaveURL(/\/drugs\/W169$/);
    await expect(page.locator('main')).toContainText('示例短缺药品清单（演示数据，非官方发布）》第1版（示例，非官方）');
  });

  test('a media reader downloads a list as CSV and it opens with the right Chinese text', async ({ page }) => {
    await page.goto('/shortages');
    const card = page.getByRole('region', { name: demoTitle });
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = readFileSync(await download.path());
    // Excel on a Chinese Windows needs the UTF-8 byte-order mark, or every name turns into mojibake.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    expect(text.split('\r\n')[0]).toBe(`清单名称,${demoTitle}`);
    expect(text).toContain('数据性质,示例（演示数据，非官方发布）\r\n');
    expect(text).toContain('序号,通用名（清单原文）,剂型,规格,备注,药品编号,目录通用名,目录分类,药品页面\r\n');
    for (const name of ['去甲肾上腺素', '鱼精蛋白', '硝酸甘油', '地高辛']) expect(text).toContain(`,${name},`);
  });

  test('the JSON API pages lists and says which are 示例', async ({ request }) => {
    const response = await request.get('/api/shortage-lists?pageSize=1');
    expect(response.ok()).toBe(true);
    const body = await response.json();
    expect(body).toMatchObject({ page: 1, pageSize: 1 });
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ isDemo: true, label: '示例', versionInForce: expect.any(Number) });
    const future = await request.get('/api/shortage-lists?updatedSince=2999-01-01');
    expect((await future.json()).total).toBe(0);
    const bad = await request.get('/api/shortage-lists?updatedSince=yesterday');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.field).toBe('updatedSince');
    const one = await request.get('/api/shortage-lists/demo-shortage');
    expect((await one.json()).entries.map((e: { genericName: string }) => e.genericName)).toContain('地高辛');
  });

  for (const path of ['/shortages', '/shortages?form=片剂&region=360203', '/shortages/demo-shortage/history']) {
    test(`${path} has no WCAG A/AA violations`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
    });
  }
});
