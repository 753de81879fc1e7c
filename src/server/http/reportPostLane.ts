import type { IncomingMessage } from 'node:http';
import { maxReportBodyBytes, type ReportPost } from '../reports/reportApi.ts';
import { reportDeviceIdInCookieHeader } from '../reports/reportDevice.ts';
import { config } from '../config.ts';
import { resolveClientAddress } from './clientAddress.ts';

/**
 * POST /api/reports with a JSON body, and the challenge every report needs first, are answered in front of
 * Astro (docs/decisions/006): the benchmark showed Astro's per-request work (a static-file stat, its render
 * pipeline) costing as much as the report itself. Only JSON: every other body (a form posted cross-site, which
 * Astro's origin check refuses) still goes to Astro.
 */
export function takesReportChallenge(method: string, pathname: string): boolean {
  return method === 'GET' && pathname === '/api/reports/challenge';
}

export function takesReportPost(method: string, pathname: string, contentType: string | undefined): boolean {
  return method === 'POST' && pathname === '/api/reports' && /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/** Reads what the endpoint needs; a body past the limit is not read on (null), as the route answers it 413. */
export function readReportPost(req: IncomingMessage): Promise<ReportPost> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxReportBodyBytes * 4) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      const idempotencyKey = req.headers['idempotency-key'];
      const forwardedFor = req.headers['x-forwarded-for'];
      resolve({
        body: tooLarge ? null : Buffer.concat(chunks).toString('utf8'),
        idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : null,
        clientAddress: resolveClientAddress(req.socket.remoteAddress ?? null, typeof forwardedFor === 'string' ? forwardedFor : (forwardedFor?.join(', ') ?? null), config().TRUSTED_PROXIES).source,
        deviceId: reportDeviceIdInCookieHeader(req.headers.cookie),
      });
    });
  });
}
