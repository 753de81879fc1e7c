import type { APIRoute } from 'astro';
import { searchRequest } from '../../domain/search/searchQuery.ts';
import { json, orUnavailable, searchParamsObject, validationError } from '../../server/http/apiResponse.ts';
import { portal } from '../../server/portal.ts';
import { drugSearch } from '../../server/services/drugSearch.ts';

export const GET: APIRoute = async ({ url }) => {
  const parsed = searchRequest.safeParse(searchParamsObject(url.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const { q, limit } = parsed.data;
  return orUnavailable(async () => json(await drugSearch(await portal(), q, limit), { maxAge: 300 }));
};
