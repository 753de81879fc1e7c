import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type EdgeServer, rawGet, rawRequest, startEdge } from './edgeTestServer.ts';

let edge: EdgeServer;

beforeAll(async () => {
  edge = await startEdge();
});

afterAll(async () => {
  await edge?.close();
});

async function stillServes(): Promise<void> {
  const answer = await rawGet(edge.port, '/');
  expect(answer.status).toBe(200);
}

describe('requests that cannot be parsed', () => {
  test('answers 400 JSON to a malformed escape in the availability path, and keeps serving', async () => {
    const answer = await rawGet(edge.port, '/api/drugs/%E0/availability');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'bad_request', message: '无法解析的请求 / malformed request' } });
    await stillServes();
  });

  test('answers 400 JSON to a malformed escape in an API query string, and keeps serving', async () => {
    const answer = await rawGet(edge.port, '/api/stock/changes?since=%E0%A4');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'bad_request', message: '无法解析的请求 / malformed request' } });
    await stillServes();
  });

  test('answers 400 to an absolute request target that is not a URL, and keeps serving', async () => {
    const answer = await rawRequest(edge.port, 'GET http://[x/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe('bad_request');
    await stillServes();
  });

  test.each(['/drugs/%E0%A4', '/search/%', '/%C0%AF', '/facilities/%FF%FE'])('answers 400 to bad percent-encoding in %s', async (target) => {
    const answer = await rawGet(edge.port, target);
    expect(answer.status).toBe(400);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    await stillServes();
  });

  test('answers 431 to huge headers, and keeps serving', async () => {
    const answer = await rawGet(edge.port, '/', 'GET', `X-Padding: ${'a'.repeat(40_000)}\r\n`);
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body).error.code).toBe('request_header_too_large');
    await stillServes();
  });

  test('answers 400 to a request line that is not HTTP at all', async () => {
    const answer = await rawRequest(edge.port, 'HELLO\r\n\r\n');
    expect(answer.status).toBe(400);
    await stillServes();
  });
});

describe('methods', () => {
  test.each(['/', '/api/search'])('refuses TRACE on %s with 405 and Allow', async (target) => {
    const answer = await rawGet(edge.port, target, 'TRACE');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toContain('GET');
  });

  test('refuses CONNECT with 405, never a dropped socket or a 500', async () => {
    const answer = await rawRequest(edge.port, 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n');
    expect(answer.status).toBe(405);
    await stillServes();
  });

  test('refuses TRACK (unknown to the parser) with a 4xx', async () => {
    const answer = await rawGet(edge.port, '/', 'TRACK');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  test('answers a wrong method on an API route with 405, the JSON error shape and Allow', async () => {
    const answer = await rawGet(edge.port, '/api/drugs/W078/availability', 'DELETE');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    expect(JSON.parse(answer.body).error.code).toBe('method_not_allowed');
  });

  test('answers POST to a GET-only API route with 405', async () => {
    const answer = await rawRequest(edge.port, 'POST /api/search HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}');
    expect(answer.status).toBe(405);
  });

  test('answers an unknown API path with a JSON 404', async () => {
    const answer = await rawGet(edge.port, '/api/does-not-exist?phone=13800138000');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(JSON.parse(answer.body).error.code).toBe('not_found');
  });
});

describe('request ids and logs', () => {
  test('returns a generated X-Request-Id and keeps a sane incoming one', async () => {
    const generated = await rawGet(edge.port, '/');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await rawGet(edge.port, '/', 'GET', 'X-Request-Id: upstream-1234abcd\r\n');
    expect(kept.headers['x-request-id']).toBe('upstream-1234abcd');
    const replaced = await rawGet(edge.port, '/', 'GET', 'X-Request-Id: a b"<script>\r\n');
    expect(replaced.headers['x-request-id']).not.toContain('script');
  });

  test('logs one access line with the route pattern, never the query string or cookies', async () => {
    await rawGet(edge.port, '/drugs/W078?phone=13800138000', 'GET', 'X-Request-Id: trace-for-log-1\r\nCookie: session=secret-cookie\r\n');
    await new Promise((r) => setTimeout(r, 20));
    const lines = edge.log.lines.filter((l) => l.reqId === 'trace-for-log-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', method: 'GET', route: '/drugs/[id]', status: 200 });
    expect(typeof lines[0]?.ms).toBe('number');
    const everything = JSON.stringify(edge.log.lines);
    expect(everything).not.toContain('13800138000');
    expect(everything).not.toContain('secret-cookie');
    expect(everything).not.toContain('127.0.0.1');
  });
});
