import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * /metrics is for the operator's scraper: a loopback client that did not come through a proxy (a proxy on the
 * same host would make every visitor look local, hence the X-Forwarded-For check), or anyone presenting
 * `Authorization: Bearer <METRICS_TOKEN>`. Everyone else gets the ordinary 404.
 */
export function mayReadMetrics(req: IncomingMessage, token: string | undefined): boolean {
  const direct = loopback.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
  if (direct) return true;
  if (!token) return false;
  const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
