import type { APIRoute } from 'astro';
import { clarificationApiPage, clarificationApiQuery } from '../../../server/clarifications/clarificationApi.ts';
import { publicOrigin } from '../../../server/feeds/publicOrigin.ts';
import { json, searchParamsObject, validationError } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';

/** GET /api/clarifications?page=&pageSize=&updatedSince=&region=&verdict= — see docs/api.md. */
export const GET: APIRoute = async ({ url }) => {
  const parsed = clarificationApiQuery.safeParse(searchParamsObject(url.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const page = await clarificationApiPage(await portal(), parsed.data, url, publicOrigin(url));
  return json(page, { maxAge: 60 });
};
