import { expect, test } from '@playwright/test';

const publicPages = [
  '/',
  '/search?q=布洛芬',
  '/drugs/W078?region=360203',
  '/facilities/JDZ-H-0001',
  '/shortages',
  '/clarifications',
  '/notices',
  '/report',
  '/data-notes',
  '/offline',
  '/alerts',
];

// Third-party hosts are slow or blocked on mainland networks and would tell them who reads what; CJK web fonts
// are megabytes on a 4G phone, while every phone has a Chinese system font.
test('no public page makes a third-party request or loads a web font', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  const fonts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(request.url());
    if (request.resourceType() === 'font') fonts.push(request.url());
  });
  for (const path of publicPages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const fontFaces = await page.evaluate(() => document.fonts.size);
    expect(fontFaces, `${path} declares @font-face`).toBe(0);
  }
  expect(foreign).toEqual([]);
  expect(fonts).toEqual([]);
});
