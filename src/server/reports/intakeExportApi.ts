import type { APIContext } from 'astro';
import { apiError, json } from '../http/apiResponse.ts';
import { portal } from '../portal.ts';
import { decodeExportCursor, exportCsv, exportReports, intakeClientOf } from './intakeExport.ts';

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
  const params = context.url.searchParams;
  const format = params.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return apiError(400, 'invalid_parameter', 'format 只能是 json 或 csv', 'format');
  let from = { updatedAt: '', id: 0 };
  const cursor = params.get('cursor');
  const since = params.get('updatedSince');
  if (cursor) {
    const decoded = decodeExportCursor(cursor);
    if (!decoded) return apiError(400, 'invalid_parameter', 'cursor 无效，请使用上一页返回的 nextCursor', 'cursor');
    from = decoded;
  } else if (since) {
    const at = new Date(since);
    if (Number.isNaN(at.getTime())) return apiError(400, 'invalid_parameter', 'updatedSince 应为 ISO 8601 时间，如 2026-12-01T00:00:00Z', 'updatedSince');
    // Strictly after the instant given: the id bound below any real id keeps rows of that very instant out.
    from = { updatedAt: at.toISOString(), id: Number.MAX_SAFE_INTEGER };
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
