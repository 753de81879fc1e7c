import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { type EdgeServer, rawGet, standInPage, startEdge } from './edgeTestServer.ts';

let edge: EdgeServer | undefined;
afterEach(async () => {
  await edge?.close();
  edge = undefined;
});

/** A stand-in for Astro that counts its renders and takes a little while, as a real page does. */
function slowPages() {
  const seen: string[] = [];
  const astro = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    setTimeout(() => {
      if (req.method === 'POST') {
        res.writeHead(303, { location: '/' }).end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (req.url?.startsWith('/search')) headers['set-cookie'] = 'seen=1';
      res.writeHead(200, headers).end(`${standInPage}<!-- ${seen.length} -->`);
    }, 30);
  };
  return { astro, seen };
}

describe('public answers shared between visitors for a few seconds', () => {
  test('a rush of new visitors to one drug page costs one render, and every one gets the whole page', async () => {
    const pages = slowPages();
    edge = await startEdge({ astro: pages.astro, shareForMs: 5_000 });
    const port = edge.port;
    const answers = await Promise.all(Array.from({ length: 40 }, () => rawGet(port, '/drugs/W078', 'GET', 'Accept-Encoding: identity\r\n')));
    expect(pages.seen).toEqual(['GET /drugs/W078']);
    // Each visitor still gets a request id of its own, not the one of the request that rendered the page.
    expect(new Set(answers.map((a) => a.headers['x-request-id'])).size).toBe(answers.length);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('布洛芬片');
      expect(answer.headers['cache-control']).toMatch(/public/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    // A returning visitor with the ETag gets a 304 from the shared copy.
    const again = await rawGet(port, '/drugs/W078', 'GET', `Accept-Encoding: identity\r\nIf-None-Match: ${answers[0]?.headers.etag}\r\n`);
    expect(again.status).toBe(304);
    expect(pages.seen).toHaveLength(1);
  });

  test('each page, text size and encoding is its own copy; sessions, cookies set and other methods never share', async () => {
    const pages = slowPages();
    edge = await startEdge({ astro: pages.astro, shareForMs: 5_000 });
    const port = edge.port;
    await rawGet(port, '/drugs/W078');
    await rawGet(port, '/drugs/W078?region=360203');
    await rawGet(port, '/drugs/W078', 'GET', 'Cookie: text-size=large\r\n');
    await rawGet(port, '/drugs/W078', 'GET', 'Accept-Encoding: gzip\r\n');
    expect(pages.seen).toHaveLength(4);
    // A staff session (any cookie but the text size) always renders.
    await rawGet(port, '/drugs/W078', 'GET', 'Cookie: staff_session=abc\r\n');
    await rawGet(port, '/drugs/W078', 'GET', 'Cookie: staff_session=abc\r\n');
    expect(pages.seen).toHaveLength(6);
    // An answer that sets a cookie is never kept.
    await rawGet(port, '/search?q=blf');
    await rawGet(port, '/search?q=blf');
    expect(pages.seen).toHaveLength(8);
  });

  test('an accepted write clears what was kept, so a staff publication shows at once', async () => {
    const pages = slowPages();
    edge = await startEdge({ astro: pages.astro, shareForMs: 5_000 });
    const port = edge.port;
    await rawGet(port, '/');
    await rawGet(port, '/');
    expect(pages.seen).toHaveLength(1);
    await rawGet(port, '/staff/clarifications/1', 'POST', 'Content-Length: 0\r\n');
    await rawGet(port, '/');
    expect(pages.seen.filter((s) => s === 'GET /')).toHaveLength(2);
  });

  test('turned off (0), every request renders', async () => {
    const pages = slowPages();
    edge = await startEdge({ astro: pages.astro, shareForMs: 0 });
    await Promise.all(Array.from({ length: 5 }, () => rawGet(edge?.port ?? 0, '/')));
    expect(pages.seen).toHaveLength(5);
  });
});
