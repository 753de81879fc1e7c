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

  it('shows the install sheet a narrow and a wide screenshot of the portal, at the sizes it declares', () => {
    expect(manifest.screenshots.map((s: { form_factor: string }) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of manifest.screenshots as { src: string; sizes: string; type: string; label: string }[]) {
      const png = readFileSync(new URL(`.${shot.src}`, publicDir));
      // A PNG's IHDR chunk holds the width and height as big-endian 32-bit numbers at bytes 16 and 20.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, shot.src).toBe(shot.sizes);
      expect(shot.type).toBe('image/png');
      expect(shot.label.length).toBeGreaterThan(0);
    }
  });
});
