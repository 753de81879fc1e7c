import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const publicDir = new URL('../../public/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.webmanifest', publicDir), 'utf8'));

describe('install manifest', () => {
  it('offers PNG icons at 192 and 512, plain and maskable, and every icon file exists', () => {
    const png = manifest.icons.filter((icon: { type: string }) => icon.type === 'image/png');
    for (const purpose of ['any', 'maskable']) {
      expect(png.filter((i: { purpose: string }) => i.purpose === purpose).map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);
    }
    for (const icon of manifest.icons) expect(existsSync(new URL(`.${icon.src}`, publicDir)), icon.src).toBe(true);
    expect(existsSync(new URL('apple-touch-icon.png', publicDir))).toBe(true);
  });

  it('has shortcuts to 查药 and 反映问题', () => {
    expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toEqual([
      ['查药', '/'],
      ['反映问题', '/report'],
    ]);
  });
});
