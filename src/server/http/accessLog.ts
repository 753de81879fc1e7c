import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { metrics, statusClass } from '../observability/metrics.ts';

/**
 * One line per request when its response is done (or the client went away): method, route pattern, status and
 * milliseconds. Deliberately absent: the raw path and query (report and status look-ups carry phone numbers
 * and tracking numbers), cookies, the user agent and the client address (the reverse proxy keeps those, under
 * its own retention, for abuse handling).
 */
export function recordWhenDone(req: IncomingMessage, res: ServerResponse, log: Logger, route: () => string): void {
  const started = performance.now();
  res.once('close', () => {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = res.statusCode;
    const label = route();
    const method = req.method ?? 'UNKNOWN';
    const m = metrics();
    m.httpRequests.inc({ method: knownMethod(method), route: label, status_class: statusClass(status) });
    m.httpDuration.observe({ route: label, status_class: statusClass(status) }, ms / 1000);
    const line = { method: knownMethod(method), route: label, status, ms, ...(res.writableFinished ? {} : { aborted: true }) };
    if (status >= 500) log.warn(line, 'request');
    else log.info(line, 'request');
  });
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Methods are a metric label too; an invented method must not create a new series. */
function knownMethod(method: string): string {
  return methods.has(method) ? method : 'OTHER';
}
