import { randomUUID } from 'node:crypto';
import type { APIContext } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { solveAltcha } from '../../../scripts/support/altchaSolver.ts';
import { GET as challengeRoute } from '../../../src/pages/api/reports/challenge.ts';
import { POST } from '../../../src/pages/api/reports/index.ts';
import { type Portal, providePortal } from '../../../src/server/portal.ts';
import { reportDeviceIdInCookieHeader } from '../../../src/server/reports/reportDevice.ts';
import { openReportsPortal, solvedChallenge } from '../reports/reportFixtures.ts';
import { type EdgeServer, standInPage, startEdge } from './edgeTestServer.ts';

let portal: Portal & { dir: string };
let edge: EdgeServer;

beforeAll(async () => {
  portal = await openReportsPortal();
  providePortal(portal);
  edge = await startEdge();
});

afterAll(async () => {
  await edge?.close();
  await portal?.close();
});

const report = (altcha?: string) =>
  JSON.stringify({ drugName: '阿莫西林胶囊', problem: 'unavailable', regionCode: '360203', seenAt: new Date(Date.now() - 60_000).toISOString(), ...(altcha ? { altcha } : {}) });

const viaEdge = (body: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${edge.port}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** What the Astro route answers for the same request. */
function viaAstro(body: string, key: string) {
  const request = new Request('http://portal.local/api/reports', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body });
  return POST({ request, clientAddress: '127.0.0.1', cookies: { get: () => undefined } } as unknown as APIContext);
}

describe('the reports fast lane in front of Astro (POST /api/reports, its challenge)', () => {
  test('acknowledges a report with 201 and the same answer with 200 for the same Idempotency-Key', async () => {
    const key = randomUUID();
    const body = report(await solvedChallenge(portal.dir));
    const first = await viaEdge(body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const ack = (await first.json()) as { trackingNumber: string; checkCode: string; statusUrl: string };
    expect(ack.trackingNumber).toMatch(/^JDZ-\d{8}-\d{4}$/);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const again = await viaEdge(body, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(ack);
  });

  test.each([
    ['a body that is not JSON', '{"drugName":', randomUUID()],
    ['an array', '[1,2]', randomUUID()],
    ['no challenge', report(), randomUUID()],
    ['a key too short to be one', report(), '1'],
    ['a body past the size limit', JSON.stringify({ description: 'x'.repeat(70_000) }), randomUUID()],
  ])('refuses %s exactly as the Astro route does', async (_what, body, key) => {
    const fast = await viaEdge(body, { 'idempotency-key': key });
    const astro = await viaAstro(body, key);
    expect(fast.status).toBe(astro.status);
    expect(fast.status).toBeGreaterThanOrEqual(400);
    expect(await fast.text()).toBe(await astro.text());
  });

  test('leaves a body that is not JSON (a form, which Astro checks for its origin) to Astro', async () => {
    const form = await fetch(`http://127.0.0.1:${edge.port}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'drugName=x' });
    expect(await form.text()).toBe(standInPage);
  });

  test('hands out challenges with the device cookie as the Astro route does, and a solved one opens a report', async () => {
    const fast = await fetch(`http://127.0.0.1:${edge.port}/api/reports/challenge`);
    const astro = await challengeRoute({ cookies: { get: () => undefined }, url: new URL('http://portal.local/api/reports/challenge') } as unknown as APIContext);
    expect(fast.status).toBe(200);
    const attributes = (cookie: string) => cookie.replace(/^report_device=[0-9a-f-]{36}; /, '').split('; ').sort();
    const fastCookie = fast.headers.getSetCookie()[0] ?? '';
    expect(fastCookie).toMatch(/^report_device=[0-9a-f-]{36}; /);
    expect(attributes(fastCookie)).toEqual(['HttpOnly', 'Max-Age=31536000', 'Path=/', 'SameSite=Lax']);
    expect(fast.headers.get('cache-control')).toBe(astro.headers.get('cache-control'));
    const challenge = (await fast.json()) as Parameters<typeof solveAltcha>[0];
    expect(Object.keys(challenge).sort()).toEqual(Object.keys(await astro.json()).sort());
    // A browser that has the cookie keeps it: no new one.
    const device = fastCookie.split(';')[0] ?? '';
    const again = await fetch(`http://127.0.0.1:${edge.port}/api/reports/challenge`, { headers: { cookie: device } });
    expect(again.headers.getSetCookie()).toEqual([]);
    const posted = await viaEdge(report(solveAltcha(challenge)), { 'idempotency-key': randomUUID(), cookie: device });
    expect(posted.status).toBe(201);
  });

  test('reads the device cookie from the raw header as Astro would, and nothing that is not one', () => {
    const id = randomUUID();
    expect(reportDeviceIdInCookieHeader(`text-size=large; report_device=${id}`)).toBe(id);
    expect(reportDeviceIdInCookieHeader('report_device=1; other=2')).toBeNull();
    expect(reportDeviceIdInCookieHeader(undefined)).toBeNull();
  });
});
