import type { APIRoute } from 'astro';
import { orUnavailable } from '../../../server/http/apiResponse.ts';
import { stockChangesResponse } from '../../../server/openData/stockChangeFeed.ts';
import { portal } from '../../../server/portal.ts';

/** GET /api/stock/changes?since=&limit= — stock facts changed after a cursor; see docs/api.md (## Change feeds). */
export const GET: APIRoute = ({ url }) => orUnavailable(async () => stockChangesResponse((await portal()).store, url));
