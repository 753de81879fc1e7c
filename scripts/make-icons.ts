/**
 * Draws the install icons (PNG, as Android and iOS require) from public/favicon.svg with Debian's Chromium.
 * Run once after changing the SVG: `node_modules/.bin/node scripts/make-icons.ts`; the PNGs are committed.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
// Maskable icons are cropped to a circle or squircle by the launcher: keep the mark inside the 80% safe zone.
const icons = [
  { file: 'icon-192.png', size: 192, inset: 0, background: 'transparent' },
  { file: 'icon-512.png', size: 512, inset: 0, background: 'transparent' },
  { file: 'icon-maskable-192.png', size: 192, inset: 0.1, background: '#0b4f8a' },
  { file: 'icon-maskable-512.png', size: 512, inset: 0.1, background: '#0b4f8a' },
  { file: 'apple-touch-icon.png', size: 180, inset: 0.06, background: '#ffffff' },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const pad = Math.round(icon.size * icon.inset);
    await page.setContent(
      `<body style="margin:0;background:${icon.background}"><img src="${svgUrl}" style="display:block;width:${icon.size - 2 * pad}px;height:${icon.size - 2 * pad}px;margin:${pad}px"></body>`,
    );
    await page.screenshot({ path: new URL(`../public/${icon.file}`, import.meta.url).pathname, omitBackground: icon.background === 'transparent' });
    await page.close();
  }
} finally {
  await browser.close();
}
