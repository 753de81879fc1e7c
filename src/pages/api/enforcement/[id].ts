import { enforcementApiItem } from '../../../server/enforcement/enforcementApi.ts';
import { articleItemRoute } from '../../../server/publishing/articleApi.ts';

/** GET /api/enforcement/{id}: one public enforcement result, withdrawn ones included (with the reason). */
export const GET = articleItemRoute(enforcementApiItem, '没有这条整治结果 / no such enforcement result');
