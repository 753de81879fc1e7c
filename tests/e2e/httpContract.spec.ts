import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { islandsHydrated } from './support/hydration.ts';

test.describe('HTTP contract', () => {
  test('every response carries security headers', async ({ request }) => {
    for (const path of ['/', '/api/search?q=blf', '/drugs/W078', '/healthz', '/api/drugs/W078/availability?region=3602']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['referrer-policy'], path).toBeTruthy();
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
  });

  test('the API answers errors as JSON naming the field', async ({ request }) => {
    const response = await request.get('/api/search?q=');
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.field).toBe('q');
    const missing = await request.get('/api/drugs/W999');
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const badGeo = await request.get('/api/drugs/W078/availability?lat=29.3');
    expect(badGeo.status()).toBe(400);
    expect((await badGeo.json()).error.field).toBe('lng');
  });

  test('availability near a point: usable facts first, then nearest first within each standing', async ({ request }) => {
    const response = await request.get('/api/drugs/W078/availability?lat=29.3&lng=117.205&radius=30');
    expect(response.ok()).toBe(true);
    expect(response.headers()['cache-control']).toContain('max-age=');
    const { facilities } = await response.json();
    expect(facilities.length).toBeGreaterThan(0);
    type Row = { distanceKm: number; standing: 'usable' | 'low' | 'call' | 'disputed' | 'out'; openNow: boolean | null };
    const rank = { usable: 0, low: 1, call: 2, disputed: 3, out: 4 };
    const rows = facilities as Row[];
    const standings = rows.map((f) => rank[f.standing]);
    expect([...standings].sort((a, b) => a - b)).toEqual(standings);
    // Within one standing and opening state, nearest first.
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1] as Row, rows[i] as Row];
      if (a.standing === b.standing && (a.openNow === true) === (b.openNow === true)) expect(b.distanceKm).toBeGreaterThanOrEqual(a.distanceKm);
    }
    for (const f of facilities) {
      expect(f).toMatchObject({ id: expect.any(String), name: expect.any(String), status: expect.stringMatching(/^(in_stock|low|out)$/), reportedAt: expect.any(String), lat: expect.any(Number), lng: expect.any(Number) });
    }
  });

  test('the master key is not in any page or script the browser gets', async ({ page }) => {
    const bodies: string[] = [];
    page.on('response', async (r) => {
      if (/text|javascript|json/.test(r.headers()['content-type'] ?? '')) bodies.push(await r.text().catch(() => ''));
    });
    await page.goto('/');
    await islandsHydrated(page);
    await page.getByRole('combobox', { name: '药品名称' }).fill('blf');
    await expect(page.getByRole('option').first()).toBeVisible();
    const all = bodies.join('\n');
    const key = readFileSync(join(process.env.E2E_DATA_DIR ?? '', 'meili-master-key'), 'utf8').trim();
    expect(key.length).toBeGreaterThan(16);
    expect(all).not.toContain(key);
    expect(all).not.toMatch(/meili/i);
    expect(all).not.toMatch(/Bearer|apiKey|master/i);
  });
});
