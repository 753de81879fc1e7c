import { clarificationApiPage, clarificationApiQuery } from '../../../server/clarifications/clarificationApi.ts';
import { articleListRoute } from '../../../server/publishing/articleApi.ts';

/** GET /api/clarifications?page=&pageSize=&updatedSince=&region=&verdict= — see docs/api.md. */
export const GET = articleListRoute(clarificationApiQuery, clarificationApiPage);
