import type { APIRoute } from 'astro';
import { drugIdParam } from '../../../../domain/drugs/drugIdParam.ts';
import { availabilityQuery } from '../../../../domain/stock/availabilityQuery.ts';
import { apiError, json, searchParamsObject, validationError } from '../../../../server/http/apiResponse.ts';
import { portal } from '../../../../server/portal.ts';
import { availabilityOf } from '../../../../server/services/availability.ts';
import { drugExists } from '../../../../server/store/drugStore.ts';

export const GET: APIRoute = async ({ params, url }) => {
  const id = drugIdParam.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalid_parameter', 'id: 药品编号格式不正确 / malformed drug id', 'id');
  const query = availabilityQuery.safeParse(searchParamsObject(url.searchParams, ['type']));
  if (!query.success) return validationError(query.error);
  const p = await portal();
  const result = await availabilityOf(p, id.data, query.data);
  // Only an empty answer needs the store asked whether the drug exists at all (404 rather than no facilities).
  if (result.facilities.length === 0 && !(await drugExists(p.store, id.data))) {
    return apiError(404, 'not_found', '没有这个药品编号 / no such drug', 'id');
  }
  return json(result, { maxAge: 60 });
};
