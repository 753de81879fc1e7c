import { noticeApiPage, noticeApiQuery } from '../../../server/notices/noticeApi.ts';
import { articleListRoute } from '../../../server/publishing/articleApi.ts';

/** GET /api/notices?page=&pageSize=&updatedSince=&region=&quarter= — see docs/api.md (## Notices). */
export const GET = articleListRoute(noticeApiQuery, noticeApiPage);
