/**
 * Screenshots of the public pages at phone size (390×844) and, with --desktop, at 1280×800, for people to look
 * at before calling a page done. Usage: node scripts/screenshots.ts [--base http://127.0.0.1:4321] [--out screenshots] [--large]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:4321' },
    out: { type: 'string', default: 'screenshots' },
    large: { type: 'boolean', default: false },
    desktop: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const pages: { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'results', path: '/search?q=头孢' },
  { name: 'no-results', path: '/search?q=zzqxv' },
  { name: 'drug', path: '/drugs/W078' },
  { name: 'drug-near', path: '/drugs/W006?lat=29.3&lng=117.205#where' },
  { name: 'facility', path: '/facilities/JDZ-H-0001' },
  { name: 'shortages', path: '/shortages' },
  { name: 'shortage-history', path: '/shortages/demo-shortage/history' },
  { name: 'open-data', path: '/open-data' },
  { name: 'clarifications', path: '/clarifications' },
  { name: 'notices', path: '/notices' },
  { name: 'notice', path: '/notices/3602/2026-q3' },
  { name: 'enforcement', path: '/enforcement' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
});
const viewport = values.desktop ? { width: 1280, height: 800 } : { width: 390, height: 844 };
const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 });
if (values.large) await context.addCookies([{ name: 'text-size', value: 'large', url: values.base }]);
const out = values.out;
mkdirSync(out, { recursive: true });
const page = await context.newPage();
for (const { name, path } of pages.filter((p) => !values.only || values.only.split(',').includes(p.name))) {
  await page.goto(new URL(path, values.base).toString(), { waitUntil: 'networkidle' });
  const file = join(out, `${name}${values.large ? '-large' : ''}-${viewport.width}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(file);
}
await browser.close();
