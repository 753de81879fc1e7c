import type { APIRoute } from 'astro';
import { json, searchParamsObject, validationError } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';
import { listApiItem } from '../../../server/shortages/listApi.ts';
import { shortageListIndexQuery as query } from '../../../server/shortages/listApiQuery.ts';
import { listPage } from '../../../server/shortages/listQueries.ts';

/** Lists with their newest version, for data users who poll for changes; shape documented in docs/api.md. */
export const GET: APIRoute = async ({ url }) => {
  const parsed = query.safeParse(searchParamsObject(url.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const { page, pageSize, updatedSince, region } = parsed.data;
  const result = await listPage((await portal()).store, { page, pageSize, updatedSince, region });
  return json(
    {
      page, pageSize, total: result.total,
      items: result.items.map(listApiItem),
    },
    { maxAge: 60 },
  );
};
