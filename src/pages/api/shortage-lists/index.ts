import type { APIRoute } from 'astro';
import { z } from 'zod';
import { json, searchParamsObject, validationError } from '../../../server/http/apiResponse.ts';
import { portal } from '../../../server/portal.ts';
import { listApiItem } from '../../../server/shortages/listApi.ts';
import { listPage } from '../../../server/shortages/listQueries.ts';

const query = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  // A date is midnight Beijing time, which is when a list dated that day is loaded at the earliest.
  updatedSince: z
    .string()
    .transform((s, ctx) => {
      const instant = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00+08:00`) : /T.*(Z|[+-]\d{2}:?\d{2})$/.test(s) ? Date.parse(s) : Number.NaN;
      if (Number.isNaN(instant)) {
        ctx.addIssue({ code: 'custom', message: '应为 ISO 8601 日期（2026-09-01）或带时区的时间（2026-09-01T08:00:00+08:00）' });
        return z.NEVER;
      }
      return new Date(instant).toISOString();
    })
    .optional(),
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '地区代码应为 2、4、6 或 9 位数字').optional(),
});

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
