import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { chooseCoding, compressBody, worthCompressing } from '../../../src/server/http/compression.ts';

describe('chooseCoding', () => {
  test('prefers brotli, falls back to gzip, and honours q=0 refusals', () => {
    expect(chooseCoding('gzip, deflate, br')).toBe('br');
    expect(chooseCoding('gzip')).toBe('gzip');
    expect(chooseCoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseCoding('identity')).toBeNull();
    expect(chooseCoding('*;q=0')).toBeNull();
    expect(chooseCoding(undefined)).toBeNull();
  });
});

describe('worthCompressing', () => {
  test('compresses text over 1 KB, never images, encoded or tiny bodies', () => {
    expect(worthCompressing('text/html; charset=utf-8', false, 5000)).toBe(true);
    expect(worthCompressing('application/rss+xml', false, 5000)).toBe(true);
    expect(worthCompressing('image/png', false, 5000)).toBe(false);
    expect(worthCompressing('application/pdf', false, 5000)).toBe(false);
    expect(worthCompressing('text/html', true, 5000)).toBe(false);
    expect(worthCompressing('text/html', false, 200)).toBe(false);
  });
});

describe('compressBody', () => {
  test('round-trips both codings', () => {
    const body = Buffer.from('布洛芬缓释胶囊 '.repeat(300));
    expect(brotliDecompressSync(compressBody(body, 'br')).equals(body)).toBe(true);
    expect(gunzipSync(compressBody(body, 'gzip')).equals(body)).toBe(true);
  });
});
