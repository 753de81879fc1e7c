import { enforcementApiPage, enforcementApiQuery } from '../../../server/enforcement/enforcementApi.ts';
import { articleListRoute } from '../../../server/publishing/articleApi.ts';

/** GET /api/enforcement?page=&pageSize=&updatedSince=&region=&action= — see docs/api.md. */
export const GET = articleListRoute(enforcementApiQuery, enforcementApiPage);
