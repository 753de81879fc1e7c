import type { APIRoute } from 'astro';
import { downloadIndexResponse } from '../../../server/openData/downloadFiles.ts';
import { openDataRoot } from '../../../server/openData/openDataRoot.ts';
import { portal } from '../../../server/portal.ts';

/** GET /open-data/downloads/index.json — the snapshot files of the current build; docs/api.md (## Bulk downloads). */
export const GET: APIRoute = async ({ request }) => downloadIndexResponse(openDataRoot((await portal()).config), request);
