import { noticeApiItem } from '../../../server/notices/noticeApi.ts';
import { articleItemRoute } from '../../../server/publishing/articleApi.ts';

/** GET /api/notices/{id}: one public notice, withdrawn ones included (with the reason). */
export const GET = articleItemRoute(noticeApiItem, '没有这份季度通报 / no such notice');
