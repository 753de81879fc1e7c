import type { IncomingMessage, ServerResponse } from 'node:http';
import { availabilityPath, availabilityResponse } from './availabilityEndpoint.ts';
import { securityHeaders } from './securityHeaders.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Answers GET /api/drugs/{id}/availability directly and hands every other request to Astro. This one request is
 * what a phone sends most and at province scale Astro's per-request work was most of the portal's overhead over
 * Meilisearch (docs/scaling.md). It gives exactly the response the Astro route gives, security headers included.
 */
export function withFastLane(astro: NodeHandler): NodeHandler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://portal.local');
    const match = req.method === 'GET' ? availabilityPath.exec(url.pathname) : null;
    if (!match) return astro(req, res);
    availabilityResponse(decodeURIComponent(match[1] ?? ''), url)
      .then(async (response) => {
        const headers: Record<string, string> = { ...securityHeaders(false), ...Object.fromEntries(response.headers) };
        res.writeHead(response.status, headers);
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => astro(req, res));
  };
}
