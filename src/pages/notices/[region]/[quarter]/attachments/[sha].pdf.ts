import type { APIRoute } from 'astro';
import { sha256Pattern } from '../../../../../domain/notices/attachment.ts';
import { quarterParam } from '../../../../../domain/notices/quarter.ts';
import { staffRegionCode } from '../../../../../domain/staff/regionScope.ts';
import { apiError } from '../../../../../server/http/apiResponse.ts';
import { readAttachmentBytes } from '../../../../../server/notices/noticeAttachments.ts';
import { publicAttachment } from '../../../../../server/notices/publicNotices.ts';
import { portal } from '../../../../../server/portal.ts';

/**
 * GET /notices/{region}/{yyyy}-q{n}/attachments/{sha256}.pdf — the file exactly as uploaded. The URL names the
 * content, so it can be cached for good; the name people see on saving is the one staff gave it.
 */
export const GET: APIRoute = async ({ params }) => {
  const region = staffRegionCode.safeParse(params.region);
  const quarter = quarterParam.safeParse(params.quarter);
  const sha = (params.sha ?? '').toLowerCase();
  if (!region.success || !quarter.success || !sha256Pattern.test(sha)) return apiError(404, 'not_found', '没有这个附件 / no such attachment');
  const p = await portal();
  const attachment = await publicAttachment(p, region.data, quarter.data, sha);
  const bytes = attachment ? await readAttachmentBytes(p, sha) : undefined;
  if (!attachment || !bytes) return apiError(404, 'not_found', '没有这个附件 / no such attachment');
  // RFC 6266: an ASCII fallback for old clients, the real (Chinese) name in filename*.
  const ascii = attachment.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(bytes, {
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'content-disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${sha}"`,
      'x-content-type-options': 'nosniff',
    },
  });
};
