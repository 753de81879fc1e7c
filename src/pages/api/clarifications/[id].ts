import { clarificationApiItem } from '../../../server/clarifications/clarificationApi.ts';
import { articleItemRoute } from '../../../server/publishing/articleApi.ts';

/** GET /api/clarifications/{id}: one public clarification, withdrawn ones included (with the reason). */
export const GET = articleItemRoute(clarificationApiItem, '没有这条辟谣澄清 / no such clarification');
