import { expect, type Page, test } from '@playwright/test';
import { seedStaff, signInAs } from './support/staffSession.ts';

/**
 * Region scope is enforced by the server on every request: these tests skip the UI's choices and post
 * forged forms over HTTP with a valid session and CSRF token, as a curious county user could.
 */
const password = 'e2e region scope passphrase';
const accounts = [
  { username: 'scope.zhushan', displayName: '珠山区编辑', regionCode: '360203', roles: ['publisher', 'reviewer'] },
  { username: 'scope.city', displayName: '市级编辑', regionCode: '3602', roles: ['publisher'] },
];

test.beforeAll(() => seedStaff(accounts, password));

const signIn = (page: Page, username: string) => signInAs(page, username, password, { fresh: true });

async function csrfToken(page: Page, path: string): Promise<string> {
  await page.goto(path);
  return (await page.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '';
}

/** Same-origin form post, as a browser sends it (Astro also checks the Origin header). */
async function postForm(page: Page, path: string, form: Record<string, string>) {
  const origin = new URL(page.url()).origin;
  return page.request.post(path, { form, maxRedirects: 0, headers: { origin } });
}

function clarificationForm(csrf: string, region: string, title: string): Record<string, string> {
  return {
    _csrf: csrf,
    intent: 'save',
    title,
    claim: '某药全国断货',
    verdict: 'false',
    explanation: '经核实，全市定点零售药店库存充足，供应正常。',
    sources: '',
    issuer: '测试发布机构',
    region,
    drugs: '布洛芬',
    publishAt: '',
    slug: '',
  };
}

test.describe('region scope over HTTP', () => {
  test('a county account cannot draft for its neighbour county or for its city', async ({ page }) => {
    await signIn(page, 'scope.zhushan');
    for (const region of ['360202', '3602']) {
      const title = `越权草稿 ${region} ${Date.now()}`;
      const csrf = await csrfToken(page, '/staff/clarifications/new');
      const response = await postForm(page, '/staff/clarifications/new', clarificationForm(csrf, region, title));
      // Refused outright (403), or sent back with the region named as the problem; never saved (303).
      const body = await response.text();
      expect(response.status(), `region ${region}`).not.toBe(303);
      expect(response.status() === 403 ? body : body.match(/error-summary[\s\S]*?<\/div>/)?.[0] ?? '').toMatch(/地区/);
      await page.goto('/staff/clarifications');
      await expect(page.getByText(title)).toHaveCount(0);
    }
    // The same form for its own county is accepted, so the refusals above are about the region alone.
    const own = await postForm(page, '/staff/clarifications/new', clarificationForm(await csrfToken(page, '/staff/clarifications/new'), '360203', `本区草稿 ${Date.now()}`));
    expect(own.status()).toBe(303);
  });

  test('a county reviewer cannot publish a city draft, even knowing its id', async ({ page }) => {
    await signIn(page, 'scope.city');
    const title = `市级草稿 ${Date.now()}`;
    const csrf = await csrfToken(page, '/staff/clarifications/new');
    const created = await postForm(page, '/staff/clarifications/new', clarificationForm(csrf, '3602', title));
    expect(created.status()).toBe(303);
    const location = created.headers().location ?? '';
    const id = /\/staff\/clarifications\/(\d+)/.exec(location)?.[1];
    expect(id).toBeTruthy();
    const submitCsrf = await csrfToken(page, `/staff/clarifications/${id}`);
    expect((await postForm(page, `/staff/clarifications/${id}`, { _csrf: submitCsrf, action: 'submit' })).status()).toBeLessThan(400);

    await signIn(page, 'scope.zhushan');
    const countyCsrf = await csrfToken(page, '/staff/clarifications');
    const attempt = await postForm(page, `/staff/clarifications/${id}`, { _csrf: countyCsrf, action: 'approve', mode: 'now' });
    expect([403, 404]).toContain(attempt.status());
    const publicList = await page.request.get('/clarifications');
    expect(await publicList.text()).not.toContain(title);
  });

  test('a form posted without the CSRF token is refused', async ({ page }) => {
    await signIn(page, 'scope.city');
    const response = await postForm(page, '/staff/clarifications/new', clarificationForm('', '3602', `无令牌 ${Date.now()}`));
    expect(response.status()).toBe(403);
  });
});
