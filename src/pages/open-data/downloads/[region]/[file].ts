import type { APIRoute } from 'astro';
import { downloadFileResponse } from '../../../../server/openData/downloadFiles.ts';
import { openDataRoot } from '../../../../server/openData/openDataRoot.ts';
import { portal } from '../../../../server/portal.ts';

/** GET /open-data/downloads/{region}/{file} — one snapshot file, streamed; docs/api.md (## Bulk downloads). */
export const GET: APIRoute = async ({ params, request }) =>
  downloadFileResponse(openDataRoot((await portal()).config), request, params.region, params.file);
