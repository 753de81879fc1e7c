import type { APIRoute } from 'astro';
import { publicOrigin } from '../../../server/feeds/publicOrigin.ts';
import { json, searchParamsObject, validationError } from '../../../server/http/apiResponse.ts';
import { noticeApiPage, noticeApiQuery } from '../../../server/notices/noticeApi.ts';
import { portal } from '../../../server/portal.ts';

/** GET /api/notices?page=&pageSize=&updatedSince=&region=&quarter= — see docs/api.md (## Notices). */
export const GET: APIRoute = async ({ url }) => {
  const parsed = noticeApiQuery.safeParse(searchParamsObject(url.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const page = await noticeApiPage(await portal(), parsed.data, url, publicOrigin(url));
  return json(page, { maxAge: 60 });
};
