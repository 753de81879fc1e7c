import { drugIdParam } from '../../domain/drugs/drugIdParam.ts';
import { availabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import { portal } from '../portal.ts';
import { availabilityOf } from '../services/availability.ts';
import { drugExists } from '../store/drugStore.ts';
import { apiError, json, orUnavailable, searchParamsObject, validationError } from './apiResponse.ts';

/** `/api/drugs/{id}/availability`; the only path the fast lane in front of Astro answers. */
export const availabilityPath = /^\/api\/drugs\/([^/]+)\/availability\/?$/;

/**
 * GET /api/drugs/{id}/availability, written once: the Astro route calls it, and so does the fast lane in
 * scripts/start.ts that answers this hottest request before Astro's request pipeline.
 */
export async function availabilityResponse(rawId: string | undefined, url: URL): Promise<Response> {
  const id = drugIdParam.safeParse(rawId);
  if (!id.success) return apiError(400, 'invalid_parameter', 'id: 药品编号格式不正确 / malformed drug id', 'id');
  const query = availabilityQuery.safeParse(searchParamsObject(url.searchParams, ['type']));
  if (!query.success) return validationError(query.error);
  return orUnavailable(async () => {
    const p = await portal();
    const result = await availabilityOf(p, id.data, query.data);
    // Only an empty answer needs the store asked whether the drug exists at all (404 rather than no facilities).
    if (result.facilities.length === 0 && !(await drugExists(p.store, id.data))) {
      return apiError(404, 'not_found', '没有这个药品编号 / no such drug', 'id');
    }
    return json(result, { maxAge: 60 });
  });
}
