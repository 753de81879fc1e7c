import { expect, type Page, test } from '@playwright/test';
import { seedStaff, signInAs } from './support/staffSession.ts';

/**
 * An item outside the account's region answers exactly as an id that does not exist: same status, same page,
 * so that ids cannot be probed across regions and no refusal surfaces as a server error.
 */
const password = 'e2e not found passphrase';
const accounts = [
  { username: 'nf.data.zhushan', displayName: '珠山区数据员', regionCode: '360203', roles: ['data'] },
  { username: 'nf.data.changjiang', displayName: '昌江区数据员', regionCode: '360202', roles: ['data'] },
];

test.beforeAll(() => seedStaff(accounts, password));

const signIn = (page: Page, username: string) => signInAs(page, username, password, { fresh: true });

/** What a reader of the answer sees: the status, the page title and the main heading. */
async function answerOf(page: Page, path: string, method: 'GET' | 'POST' = 'GET') {
  const origin = new URL(page.url()).origin;
  const csrf = method === 'POST' ? ((await page.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '') : '';
  const response =
    method === 'GET'
      ? await page.request.get(path, { maxRedirects: 0 })
      : await page.request.post(path, { form: { _csrf: csrf, intent: 'discard' }, maxRedirects: 0, headers: { origin } });
  const body = await response.text();
  return {
    status: response.status(),
    title: /<title>([^<]*)<\/title>/.exec(body)?.[1],
    heading: /<h1[^>]*>([^<]*)<\/h1>/.exec(body)?.[1],
  };
}

test('another county’s shortage list import answers as a missing one, for GET and POST', async ({ page }) => {
  await signIn(page, 'nf.data.zhushan');
  await page.goto('/staff/shortages');
  await page.getByLabel('清单名称').fill(`示例珠山区监测清单（端到端测试，非官方）${Date.now()}`);
  await page.getByLabel('发布机关').fill('示例发布机关（非官方）');
  await page.getByLabel('生效日期').fill('2026-01-01');
  await page.getByLabel('这是示例').check();
  await page.getByLabel('清单文件').setInputFiles('data/examples/shortage-list-example.csv');
  await page.getByRole('button', { name: '载入并核对' }).click();
  await expect(page).toHaveURL(/\/staff\/shortages\/imports\/\d+$/);
  const own = new URL(page.url()).pathname;

  await signIn(page, 'nf.data.changjiang');
  await page.goto('/staff/shortages');
  const missing = '/staff/shortages/imports/99999999';
  const outOfScope = await answerOf(page, own);
  expect(outOfScope.status).toBe(404);
  expect(outOfScope).toEqual(await answerOf(page, missing));
  const postOutOfScope = await answerOf(page, own, 'POST');
  expect(postOutOfScope.status).toBe(404);
  expect(postOutOfScope).toEqual(await answerOf(page, missing, 'POST'));

  // The import is untouched by the refused discard: its owner still sees it pending.
  await signIn(page, 'nf.data.zhushan');
  await page.goto(own);
  await expect(page.getByRole('button', { name: '发布为新版本' })).toBeVisible();
});
