import type { APIRoute } from 'astro';
import { attachmentHeaders, listJson } from '../../server/shortages/listExport.ts';
import { requestedListExport } from '../../server/shortages/listRequest.ts';

/** Same content as the CSV, as JSON; its `entries` can be loaded back as a list file. */
export const GET: APIRoute = async ({ params, url }) => {
  const found = await requestedListExport(params, url);
  if (found instanceof Response) return found;
  return new Response(JSON.stringify(listJson(found), null, 2), { headers: attachmentHeaders(found.list, 'json') });
};
