import type { APIRoute } from 'astro';
import { z } from 'zod';
import { publicOrigin } from '../../../server/feeds/publicOrigin.ts';
import { apiError, json } from '../../../server/http/apiResponse.ts';
import { noticeApiItem } from '../../../server/notices/noticeApi.ts';
import { portal } from '../../../server/portal.ts';

const idParam = z.coerce.number().int().positive().max(2 ** 31);

/** GET /api/notices/{id}: one public notice, withdrawn ones included (with the reason). */
export const GET: APIRoute = async ({ params, url }) => {
  const id = idParam.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalid_parameter', 'id: 编号须为正整数 / id must be a positive integer', 'id');
  const item = await noticeApiItem(await portal(), id.data, publicOrigin(url));
  if (!item) return apiError(404, 'not_found', '没有这份季度通报 / no such notice', 'id');
  return json(item, { maxAge: 60 });
};
