import type { APIRoute } from 'astro';
import { portal } from '../server/portal.ts';
import { portalReadiness } from '../server/readiness.ts';

/** Load balancers route traffic by this: 200 while the store and every search index answer, 503 naming what does not. */
export const GET: APIRoute = async () => {
  const readiness = await portalReadiness(await portal());
  return new Response(JSON.stringify(readiness), {
    status: readiness.ready ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(readiness.ready ? {} : { 'retry-after': '5' }) },
  });
};
