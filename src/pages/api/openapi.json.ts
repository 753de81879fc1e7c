import type { APIRoute } from 'astro';
import { publicOrigin } from '../../server/feeds/publicOrigin.ts';
import { json } from '../../server/http/apiResponse.ts';
import { openApiDocument } from '../../server/openapi/openApiDocument.ts';
import { publishedEndpoints } from '../../server/openapi/publishedEndpoints.ts';
import { portal } from '../../server/portal.ts';

/** GET /api/openapi.json: the described API, built from the endpoint registry (src/server/openapi/endpoints). */
export const GET: APIRoute = async ({ url }) => {
  const { config } = await portal();
  const limits = { perMinute: config.API_REQUESTS_PER_MINUTE, perMinuteWithKey: config.API_REQUESTS_PER_MINUTE_WITH_KEY };
  return json(openApiDocument(publishedEndpoints, publicOrigin(url), limits), { maxAge: 300 });
};
