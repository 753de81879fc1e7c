import type { APIContext } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET } from '../../../src/pages/api/drugs/[id]/availability.ts';
import { prepareStore } from '../../../src/server/bootstrap/prepareStore.ts';
import { answerFromResponse, finishAnswer } from '../../../src/server/http/outgoingAnswer.ts';
import { applySecurityHeaders } from '../../../src/server/http/securityHeaders.ts';
import { type Portal, providePortal } from '../../../src/server/portal.ts';
import { openTestPortal } from '../../support/testPortal.ts';
import { type EdgeServer, startEdge } from './edgeTestServer.ts';

let portal: Portal;
let edge: EdgeServer;

beforeAll(async () => {
  portal = await openTestPortal({ demo: true });
  await prepareStore(portal, () => {});
  providePortal(portal);
  edge = await startEdge();
});

afterAll(async () => {
  await edge?.close();
  await portal?.close();
});

/** What Astro serves for the route: its GET, the middleware's headers, then the edge's finishing of Astro output. */
async function astroRouteAnswer(path: string, acceptEncoding?: string) {
  const url = new URL(path, 'http://portal.local');
  const id = decodeURIComponent(/^\/api\/drugs\/([^/]+)/.exec(url.pathname)?.[1] ?? '');
  const response = await GET({ params: { id }, url } as unknown as APIContext);
  applySecurityHeaders(response.headers, false);
  const answer = await answerFromResponse(response);
  return finishAnswer(answer, { method: 'GET', route: '/api/drugs/[id]/availability', acceptEncoding, ifNoneMatch: undefined, hasCookie: false });
}

const relevantHeaders = ['content-type', 'cache-control', 'etag', 'vary', 'content-length', 'content-encoding', 'x-content-type-options', 'x-frame-options', 'content-security-policy', 'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy'];

describe('the availability fast lane', () => {
  test.each([
    '/api/drugs/W078/availability?region=3602',
    '/api/drugs/W078/availability?lat=29.3&lng=117.205&radius=30',
    '/api/drugs/W078/availability?lat=29.3',
    '/api/drugs/W999/availability',
    '/api/drugs/not-an-id/availability',
  ])('answers %s byte for byte as the Astro route does', async (path) => {
    const fast = await fetch(`http://127.0.0.1:${edge.port}${path}`, { headers: { 'accept-encoding': 'identity' } });
    const astro = await astroRouteAnswer(path, 'identity');
    expect(fast.status).toBe(astro.status);
    expect(Buffer.from(await fast.arrayBuffer()).equals(astro.body)).toBe(true);
    for (const name of relevantHeaders) expect(fast.headers.get(name) ?? undefined, name).toBe(astro.headers[name] ?? undefined);
  });

  test('compresses with brotli when asked, smaller than the raw body, and says it varies by encoding', async () => {
    const path = '/api/drugs/W078/availability?region=3602&limit=100';
    const raw = await astroRouteAnswer(path, undefined);
    const { request } = await import('node:http');
    const compressed = await new Promise<{ encoding: string | undefined; vary: string | undefined; bytes: number }>((resolve, reject) => {
      request(`http://127.0.0.1:${edge.port}${path}`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
        });
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], vary: res.headers.vary, bytes }));
      })
        .on('error', reject)
        .end();
    });
    expect(compressed.encoding).toBe('br');
    expect(compressed.vary).toContain('Accept-Encoding');
    expect(compressed.bytes).toBeLessThan(raw.body.length / 2);
  });

  test('answers 304 to a repeat carrying the ETag', async () => {
    const path = `http://127.0.0.1:${edge.port}/api/drugs/W078/availability?region=3602`;
    const first = await fetch(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await fetch(path, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });
});
