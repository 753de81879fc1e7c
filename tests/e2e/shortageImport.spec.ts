import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { seedStaff, signInAs } from './support/staffSession.ts';

// Accounts are created in the portal's own store by the real account code (tests/e2e/support/seedStaff.ts).
const password = 'e2e shortage list passphrase';
const accounts = [
  { username: 'e2e.data.jx', displayName: '省级数据员', regionCode: '36', roles: ['data'] },
  { username: 'e2e.data.jdz', displayName: '市级数据员', regionCode: '3602', roles: ['data'] },
];
const title = `示例省级短缺药品清单（端到端测试，非官方）${Date.now()}`;

test.beforeAll(() => seedStaff(accounts, password));

const signIn = (page: Page, username: string) => signInAs(page, username, password);

async function fillUpload(page: Page, kind: string, scope: string, region: string): Promise<void> {
  await page.goto('/staff/shortages');
  await page.getByLabel('清单名称').fill(title);
  await page.getByLabel('发布机关').fill('示例发布机关（非官方）');
  await page.getByLabel('生效日期').fill('2026-01-01');
  await page.getByLabel('这是示例').check();
  await page.getByLabel('清单类别').selectOption(kind);
  await page.getByLabel('发布范围').selectOption(scope);
  await page.getByLabel('发布地区').selectOption(region);
  await page.getByLabel('清单文件').setInputFiles('data/examples/shortage-list-example.csv');
  await page.getByRole('button', { name: '载入并核对' }).click();
}

test.describe('loading a shortage list (staff, role data)', () => {
  test('a city account cannot load a national list', async ({ page }) => {
    await signIn(page, 'e2e.data.jdz');
    await fillUpload(page, 'shortage', 'national', '');
    await expect(page.getByRole('alert')).toContainText('国家级、省级清单须省级账号');
  });

  test('load → review the ambiguous row → publish; readers see it labelled 示例', async ({ page }) => {
    await signIn(page, 'e2e.data.jx');
    await fillUpload(page, 'shortage', 'provincial', '36');
    await expect(page).toHaveURL(/\/staff\/shortages\/imports\/\d+$/);
    await expect(page.getByRole('heading', { name: '需要选择（1 行）' })).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);

    // Publishing before choosing names the row that still needs a person.
    await page.getByRole('button', { name: '发布为新版本' }).click();
    await expect(page.getByRole('alert')).toContainText('第 6 行“巫灵胶囊”：请选择对应的药品');
    await page.getByRole('radio', { name: /^乌灵胶囊/ }).check();
    await page.getByRole('button', { name: '发布为新版本' }).click();
    await expect(page.getByRole('status')).toContainText('第 1 版，共 6 条（1 条未对应药品，按原文显示）');

    await page.goto('/shortages?region=360203');
    const card = page.getByRole('region', { name: title });
    await expect(card.locator('.badge.demo')).toHaveText('示例');
    await expect(page.locator('.entry-table')).toContainText('示例未收录药品');
  });
});
