import type { APIContext } from 'astro';
import { z } from 'zod';
import { apiError, json, searchParamsObject, validationError } from '../http/apiResponse.ts';
import { portal } from '../portal.ts';
import { decodeExportCursor, exportCsv, exportReports, intakeClientOf } from './intakeExport.ts';

/** The query of GET /api/intake/reports; the OpenAPI document describes its parameters from this schema. */
export const intakeReportsQuery = z.object({
  updatedSince: z
    .string()
    .refine((v) => !Number.isNaN(new Date(v).getTime()), '应为 ISO 8601 时间，如 2026-12-01T00:00:00Z')
    .transform((v) => new Date(v).toISOString())
    .optional()
    .meta({ description: 'ISO 8601；只返回此后变更的 / changed strictly after' }),
  cursor: z.string().optional().meta({ description: '上一页的 nextCursor / the previous page’s nextCursor' }),
  format: z.enum(['json', 'csv'], '只能是 json 或 csv').default('json'),
});

/**
 * GET /api/intake/reports?updatedSince=&cursor=&format=json|csv for the monitoring intake's receiving systems.
 * Bearer token per system; reports come oldest change first, and `nextCursor` continues where a page ended.
 */
export async function getIntakeReports(context: Pick<APIContext, 'request' | 'url'>): Promise<Response> {
  const p = await portal();
  const client = await intakeClientOf(p.store, context.request.headers.get('authorization'));
  if (!client) {
    const response = apiError(401, 'unauthorized', '缺少或无效的接入令牌（Authorization: Bearer …）');
    response.headers.set('www-authenticate', 'Bearer');
    return response;
  }
  const parsed = intakeReportsQuery.safeParse(searchParamsObject(context.url.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const { format, cursor, updatedSince } = parsed.data;
  let from = { updatedAt: '', id: 0 };
  if (cursor) {
    const decoded = decodeExportCursor(cursor);
    if (!decoded) return apiError(400, 'invalid_parameter', 'cursor: 无效，请使用上一页返回的 nextCursor', 'cursor');
    from = decoded;
  } else if (updatedSince) {
    // Strictly after the instant given: the id bound below any real id keeps rows of that very instant out.
    from = { updatedAt: updatedSince, id: Number.MAX_SAFE_INTEGER };
  }
  const page = await exportReports(p.store, from, client.allowPersonal);
  if (format === 'csv') {
    return new Response(exportCsv(page.reports, client.allowPersonal), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'cache-control': 'no-store',
        ...(page.nextCursor ? { link: `<${context.url.pathname}?cursor=${page.nextCursor}&format=csv>; rel="next"` } : {}),
      },
    });
  }
  return json(page);
}
