import type { APIRoute } from 'astro';
import { z } from 'zod';
import { clarificationApiItem } from '../../../server/clarifications/clarificationApi.ts';
import { publicOrigin } from '../../../server/feeds/publicOrigin.ts';
import { apiError, json } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';

const idParam = z.coerce.number().int().positive().max(2 ** 31);

/** GET /api/clarifications/{id}: one public clarification, withdrawn ones included (with the reason). */
export const GET: APIRoute = async ({ params, url }) => {
  const id = idParam.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalid_parameter', 'id: 编号须为正整数 / id must be a positive integer', 'id');
  const item = await clarificationApiItem(await portal(), id.data, publicOrigin(url));
  if (!item) return apiError(404, 'not_found', '没有这条辟谣澄清 / no such clarification', 'id');
  return json(item, { maxAge: 60 });
};
