import type { APIRoute } from 'astro';
import { drugIdParam } from '../../../domain/drugs/drugIdParam.ts';
import type { z } from 'zod';
import type { drugDetailResponse } from '../../../server/openapi/schemas/drugSchemas.ts';
import { apiError, json } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';
import { drugDetail } from '../../../server/services/drugDetail.ts';

export const GET: APIRoute = async ({ params }) => {
  const id = drugIdParam.safeParse(params.id);
  if (!id.success) return apiError(400, 'invalid_parameter', 'id: 药品编号格式不正确 / malformed drug id', 'id');
  const detail = await drugDetail(await portal(), id.data);
  if (!detail) return apiError(404, 'not_found', '没有这个药品编号 / no such drug', 'id');
  const { drug, substitutes } = detail;
  return json(
    {
      id: drug.id,
      name: drug.genericName,
      englishName: drug.englishName,
      kind: drug.kind,
      category: drug.category,
      subcategory: drug.subcategory,
      therapeuticGroup: drug.therapeuticGroup,
      forms: drug.forms,
      formsText: drug.formsText,
      aliases: drug.aliases,
      pinyin: { full: drug.pinyinFull, initials: drug.pinyinInitials },
      flags: drug.flags,
      prices: drug.flags.procurement.map((p) => ({ ...p, price: p.priceFen / 100 })),
      substitutes,
      source: { emlNumber: drug.emlNumber, note: drug.notes },
    } satisfies z.input<typeof drugDetailResponse>,
    { maxAge: 300 },
  );
};
