import type { APIRoute } from 'astro';
import { searchReadiness } from '../server/readiness.ts';

/** Load balancers and the start script poll this: 200 only once search answers and holds the catalogue. */
export const GET: APIRoute = async () => {
  const readiness = await searchReadiness();
  return new Response(JSON.stringify(readiness), {
    status: readiness.ready ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
};
