import type { APIRoute } from 'astro';
import { facilityIdParam } from '../../../domain/facilities/facilityIdParam.ts';
import { describeHours } from '../../../domain/facilities/openingStatus.ts';
import { mapLinks } from '../../../domain/facilities/mapLinks.ts';
import type { z } from 'zod';
import type { facilityResponse } from '../../../server/openapi/schemas/facilitySchemas.ts';
import { apiError, json, orUnavailable } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';
import { facilityDetail } from '../../../server/services/facilityDetail.ts';

export const GET: APIRoute = async ({ params, url }) => {
  const id = facilityIdParam.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalid_parameter', 'id: 机构编号格式不正确 / malformed facility id', 'id');
  const q = url.searchParams.get('q')?.trim().slice(0, 60) || undefined;
  return orUnavailable(async () => {
    const detail = await facilityDetail(await portal(), id.data, q);
    if (!detail) return apiError(404, 'not_found', '没有这个机构编号 / no such facility', 'id');
    const { facility, stock, stockTotal } = detail;
    const body = { ...facility, hours: describeHours(facility.openingHours), mapLinks: mapLinks(facility), stockTotal, stock } satisfies Partial<z.input<typeof facilityResponse>>;
    return json(body, { maxAge: 60 });
  });
};
