import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { type EdgeServer, rawGet, standInPage, startEdge } from './edgeTestServer.ts';

let edge: EdgeServer | undefined;

afterEach(async () => {
  await edge?.close();
  edge = undefined;
});

const securityHeaderNames = ['x-content-type-options', 'x-frame-options', 'content-security-policy', 'referrer-policy'];

describe('errors inside a route', () => {
  test('a synchronous throw becomes a Chinese 500 page with security headers, and the server keeps serving', async () => {
    let calls = 0;
    edge = await startEdge({
      astro: (_req, res) => {
        calls += 1;
        if (calls === 1) throw new Error('boom in a page');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('ok');
      },
    });
    const failed = await rawGet(edge.port, '/drugs/W078');
    expect(failed.status).toBe(500);
    expect(failed.body).toContain('服务器出错了');
    expect(failed.body).not.toContain('boom');
    for (const name of securityHeaderNames) expect(failed.headers[name], name).toBeTruthy();
    expect(calls).toBe(1);
    expect(edge.log.lines.some((l) => l.msg === 'request failed')).toBe(true);
    expect((await rawGet(edge.port, '/')).status).toBe(200);
  });

  test('an API failure is a JSON 500', async () => {
    edge = await startEdge({ astro: () => Promise.reject(new Error('db gone')) });
    const answer = await rawGet(edge.port, '/api/regions');
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body).error.code).toBe('internal_error');
  });

  test('a plain-text refusal from Astro on an API path (its cross-site form check) reaches the caller as the JSON error shape', async () => {
    edge = await startEdge({
      astro: (_req, res) => {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('Cross-site POST form submissions are forbidden');
      },
    });
    const api = await rawGet(edge.port, '/api/reports', 'POST', 'Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi');
    expect(api.status).toBe(403);
    expect(api.headers['content-type']).toContain('application/json');
    expect(JSON.parse(api.body).error.code).toBe('forbidden');
    expect(JSON.parse(api.body).error.message).toMatch(/跨站/);
    // A page keeps Astro's own answer.
    const page = await rawGet(edge.port, '/report', 'POST', 'Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi');
    expect(page.status).toBe(403);
    expect(page.headers['content-type']).toContain('text/plain');
  });

  test('an error carrying code and retryAfterSeconds becomes 503 with Retry-After', async () => {
    const busy = Object.assign(new Error('busy'), { code: 'store_busy', retryAfterSeconds: 3 });
    edge = await startEdge({ astro: () => Promise.reject(busy) });
    const api = await rawGet(edge.port, '/api/search?q=blf');
    expect(api.status).toBe(503);
    expect(api.headers['retry-after']).toBe('3');
    expect(JSON.parse(api.body).error).toEqual({ code: 'store_busy', message: expect.stringContaining('繁忙') });
    const page = await rawGet(edge.port, '/search?q=blf');
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['retry-after']).toBe('3');
    const metrics = await rawGet(edge.port, '/metrics');
    expect(metrics.body).toContain('portal_store_errors_total{operation="/api/search"} 1');
  });
});

describe('load shedding', () => {
  test('beyond the in-flight bound answers 503 with Retry-After, then serves again', async () => {
    const waiting: ServerResponse[] = [];
    edge = await startEdge({
      maxInFlight: 2,
      astro: (_req: IncomingMessage, res: ServerResponse) => {
        waiting.push(res);
      },
    });
    const port = edge.port;
    const held = [fetch(`http://127.0.0.1:${port}/a`), fetch(`http://127.0.0.1:${port}/b`)];
    while (waiting.length < 2) await new Promise((r) => setTimeout(r, 5));
    const shedApi = await rawGet(port, '/api/search?q=blf');
    expect(shedApi.status).toBe(503);
    expect(shedApi.headers['retry-after']).toBeTruthy();
    expect(JSON.parse(shedApi.body).error.code).toBe('overloaded');
    const shedPage = await rawGet(port, '/');
    expect(shedPage.status).toBe(503);
    expect(shedPage.headers['retry-after']).toBeTruthy();
    expect(shedPage.body).toContain('请稍后再试');
    for (const res of waiting.splice(0)) res.writeHead(200, { 'content-type': 'text/plain' }).end('done');
    await Promise.all(held);
    const metrics = await rawGet(port, '/metrics');
    expect(metrics.body).toContain('portal_http_shed_total');
  });
});

describe('caching and compression of pages', () => {
  test('a public page gets short public caching, a strong ETag and 304 on If-None-Match', async () => {
    edge = await startEdge();
    const first = await rawGet(edge.port, '/drugs/W078');
    expect(first.headers['cache-control']).toContain('public');
    expect(first.headers['cache-control']).toContain('s-maxage=60');
    // Browsers revalidate every visit, so a correction approved a moment ago shows at once.
    expect(first.headers['cache-control']).toContain('max-age=0');
    expect(first.headers.etag).toMatch(/^"[^"]+"$/);
    const repeat = await rawGet(edge.port, '/drugs/W078', 'GET', `If-None-Match: ${first.headers.etag}\r\n`);
    expect(repeat.status).toBe(304);
    expect(repeat.body).toBe('');
  });

  test.each(['/staff', '/report', '/staff/accounts'])('%s gets neither public caching nor an ETag', async (path) => {
    edge = await startEdge();
    const answer = await rawGet(edge.port, path);
    expect(answer.headers['cache-control'] ?? '').not.toContain('public');
    expect(answer.headers.etag).toBeUndefined();
  });

  test('a page that sets a cookie is not cached', async () => {
    edge = await startEdge({
      astro: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'text-size=large' }).end(standInPage);
      },
    });
    const answer = await rawGet(edge.port, '/');
    expect(answer.headers['cache-control']).toBeUndefined();
    expect(answer.headers.etag).toBeUndefined();
  });

  test('pages are gzip-compressed when only gzip is accepted, smaller than the raw page', async () => {
    edge = await startEdge();
    const answer = await rawGet(edge.port, '/', 'GET', 'Accept-Encoding: gzip\r\n');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(Number(answer.headers['content-length'])).toBeLessThan(Buffer.byteLength(standInPage) / 4);
    expect(answer.headers.vary).toContain('Accept-Encoding');
  });

  test('tiny bodies and images are sent as they are', async () => {
    edge = await startEdge({
      astro: (req, res) => {
        if (req.url === '/tiny') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        else res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(5000));
      },
    });
    expect((await rawGet(edge.port, '/tiny', 'GET', 'Accept-Encoding: br\r\n')).headers['content-encoding']).toBeUndefined();
    expect((await rawGet(edge.port, '/icon.png', 'GET', 'Accept-Encoding: br\r\n')).headers['content-encoding']).toBeUndefined();
  });
});

describe('/metrics', () => {
  test('answers a direct loopback scraper in Prometheus text', async () => {
    edge = await startEdge();
    await rawGet(edge.port, '/drugs/W078');
    const answer = await rawGet(edge.port, '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('portal_http_requests_total{method="GET",route="/drugs/[id]",status_class="2xx"}');
    expect(answer.body).toContain('portal_http_request_duration_seconds_bucket');
    expect(answer.body).toContain('portal_meilisearch_restarts_total');
  });

  test('is not found for a client coming through a proxy without the token, and found with it', async () => {
    edge = await startEdge({ metricsToken: 'a-token-of-enough-length', astro: (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('not found') });
    expect((await rawGet(edge.port, '/metrics', 'GET', 'X-Forwarded-For: 203.0.113.9\r\n')).status).toBe(404);
    const withToken = await rawGet(edge.port, '/metrics', 'GET', 'X-Forwarded-For: 203.0.113.9\r\nAuthorization: Bearer a-token-of-enough-length\r\n');
    expect(withToken.status).toBe(200);
  });
});
