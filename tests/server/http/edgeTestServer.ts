import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { ApiRateLimiter } from '../../../src/server/http/apiRateLimit.ts';
import { type NodeHandler, portalHandler } from '../../../src/server/http/portalHandler.ts';
import { createPortalServer, defaultSlowClientLimits, type SlowClientLimits } from '../../../src/server/http/serverTimeouts.ts';

/** Log lines the handler wrote, parsed, so tests can check what an operator would read. */
export interface CapturedLog {
  lines: Record<string, unknown>[];
}

export interface EdgeServer {
  server: Server;
  port: number;
  log: CapturedLog;
  close(): Promise<void>;
}

/** A page Astro might render: enough text to be worth compressing. */
export const standInPage = `<!doctype html><html lang="zh-CN"><body>${'<p>布洛芬片 有货 景德镇市第一人民医院</p>'.repeat(200)}</body></html>`;

/** Stands in for Astro's handler: a plain page for any path, like the static and page routes would answer. */
export const standInAstro: NodeHandler = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(standInPage);
};

export async function startEdge(
  options: { astro?: NodeHandler; maxInFlight?: number; metricsToken?: string; limits?: SlowClientLimits; shareForMs?: number; downloads?: { root: string; maxConcurrent: number }; apiLimit?: ApiRateLimiter } = {},
): Promise<EdgeServer> {
  const log: CapturedLog = { lines: [] };
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) log.lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const handler = portalHandler({ astro: options.astro ?? standInAstro, maxInFlight: options.maxInFlight ?? 64, shareForMs: options.shareForMs, metricsToken: options.metricsToken, log: logger, downloads: options.downloads, apiLimit: options.apiLimit });
  const server = createPortalServer(handler, logger, options.limits ?? defaultSlowClientLimits);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes exactly as given (a request `fetch` would refuse to send) and reads the answer until close. */
export function rawRequest(port: number, text: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(text);
  });
}

/** A one-shot GET over a raw socket with `Connection: close`. */
export function rawGet(port: number, target: string, method = 'GET', extraHeaders = ''): Promise<RawAnswer> {
  return rawRequest(port, `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extraHeaders}\r\n`);
}
