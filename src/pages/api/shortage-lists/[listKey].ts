import type { APIRoute } from 'astro';
import { json } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';
import { listJson } from '../../../server/shortages/listExport.ts';
import { listVersions } from '../../../server/shortages/listQueries.ts';
import { requestedListExport } from '../../../server/shortages/listRequest.ts';

/** One version of a list (the one in force without `?version=`) with its entries and every version's headline. */
export const GET: APIRoute = async ({ params, url }) => {
  const found = await requestedListExport(params, url);
  if (found instanceof Response) return found;
  const versions = await listVersions((await portal()).store, found.list.listKey);
  return json(
    {
      ...listJson(found),
      versions: versions.map((v) => ({ version: v.version, effectiveDate: v.effectiveDate, docNumber: v.docNumber, createdAt: v.createdAt, entryCount: v.entryCount })),
    },
    { maxAge: 300 },
  );
};
