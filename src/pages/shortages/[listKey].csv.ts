import type { APIRoute } from 'astro';
import { attachmentHeaders, listCsv } from '../../server/shortages/listExport.ts';
import { requestedListExport } from '../../server/shortages/listRequest.ts';

/** The list with its metadata block for Excel; layout in docs/api.md. */
export const GET: APIRoute = async ({ params, url }) => {
  const found = await requestedListExport(params, url);
  if (found instanceof Response) return found;
  return new Response(listCsv(found), { headers: attachmentHeaders(found.list, 'csv') });
};
