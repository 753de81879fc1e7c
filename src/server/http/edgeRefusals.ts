import { apiNotFound, isApiPath, methodNotAllowed } from './errorAnswers.ts';
import { matchApiRoute } from './routeMatch.ts';

/** Methods that only serve to probe or tunnel; refused everywhere, before anything else looks at them. */
const neverServed = new Set(['TRACE', 'TRACK', 'CONNECT']);
const pageMethods = ['GET', 'HEAD', 'POST'] as const;

/** HEAD is answered wherever GET is, as Astro does. */
function withHead(methods: readonly string[]): string[] {
  return methods.includes('GET') && !methods.includes('HEAD') ? [...methods, 'HEAD'] : [...methods];
}

/**
 * What the edge answers itself before any route runs: 404 for an API path no route serves, 405 with Allow
 * for a method the API route does not export, 405 for TRACE/TRACK/CONNECT anywhere, 204 with Allow for an
 * API OPTIONS probe. Null means: hand the request on.
 */
export function edgeRefusal(method: string, pathname: string): Response | null {
  const apiPath = isApiPath(pathname);
  if (neverServed.has(method)) {
    const route = apiPath ? matchApiRoute(pathname) : undefined;
    return methodNotAllowed(route?.methods ? withHead(route.methods) : pageMethods, apiPath);
  }
  if (!apiPath) return null;
  const route = matchApiRoute(pathname);
  if (!route) return apiNotFound();
  const allowed = withHead(route.methods ?? []);
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow: allowed.join(', '), 'cache-control': 'no-store' } });
  if (!allowed.includes(method)) return methodNotAllowed(allowed, true);
  return null;
}
