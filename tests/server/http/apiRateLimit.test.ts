import { afterEach, describe, expect, test } from 'vitest';
import { parseCidr } from '../../../src/domain/network/ipAddress.ts';
import { apiRateLimit } from '../../../src/server/http/apiRateLimit.ts';
import { type EdgeServer, startEdge } from './edgeTestServer.ts';

const goodKey = `odk_${'A'.repeat(43)}`;
const revokedKey = `odk_${'B'.repeat(43)}`;
let edge: EdgeServer | undefined;
afterEach(async () => edge?.close());

/** A portal edge with tiny limits and a clock the test moves; the stand-in Astro answers every path with 200. */
async function edgeWithLimits(clock: { now: number }) {
  const apiLimit = apiRateLimit({
    perMinute: 3,
    perMinuteWithKey: 5,
    proxies: [parseCidr('127.0.0.1/32')].filter((r) => r !== null),
    liveKeyId: async (key) => (key === goodKey ? 7 : null),
    clock: () => clock.now,
  });
  edge = await startEdge({ apiLimit });
  const port = edge.port;
  return (path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers });
}

describe('per-client limits on the public API', () => {
  test('answer the request past the limit with 429, Retry-After to the next minute and the JSON error shape', async () => {
    const clock = { now: Date.UTC(2026, 11, 6, 12, 0, 15) };
    const get = await edgeWithLimits(clock);
    for (let i = 0; i < 3; i++) expect((await get('/api/regions')).status).toBe(200);
    const refused = await get('/api/search?q=blf');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    const body = await refused.json();
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/每分钟最多 3 次/);
    clock.now += 45_000;
    expect((await get('/api/regions')).status).toBe(200);
  });

  test('leave pages, citizen reports and other clients alone', async () => {
    const clock = { now: Date.UTC(2026, 11, 6, 12, 0, 0) };
    const get = await edgeWithLimits(clock);
    for (let i = 0; i < 3; i++) await get('/api/regions');
    expect((await get('/api/regions')).status).toBe(429);
    expect((await get('/drugs/W078')).status).toBe(200);
    // A report status look-up: under /api/reports, which keeps its own limits (the challenge is answered by the
    // report lane, which needs a portal this stand-in server does not have).
    expect((await get('/api/reports/JDZ-20261203-0001?code=x')).status).toBe(200);
    // Another client behind the trusted proxy has its own count.
    expect((await get('/api/regions', { 'x-forwarded-for': '198.51.100.7' })).status).toBe(200);
  });

  test('give a live key its higher limit, and refuse a revoked or unknown key with 401 rather than count it', async () => {
    const clock = { now: Date.UTC(2026, 11, 6, 12, 0, 0) };
    const get = await edgeWithLimits(clock);
    for (let i = 0; i < 5; i++) expect((await get('/api/regions', { 'x-api-key': goodKey })).status).toBe(200);
    expect((await get('/api/regions', { authorization: `Bearer ${goodKey}` })).status).toBe(429);
    const refused = await get('/api/regions', { 'x-api-key': revokedKey });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('invalid_api_key');
    // The anonymous count of this address was not touched by the keyed calls.
    expect((await get('/api/regions')).status).toBe(200);
  });

  test('never writes the key into the access log', async () => {
    const clock = { now: Date.UTC(2026, 11, 6, 12, 0, 0) };
    const get = await edgeWithLimits(clock);
    await get('/api/regions', { 'x-api-key': goodKey });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(edge?.log.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(edge?.log.lines)).not.toContain(goodKey);
  });
});
