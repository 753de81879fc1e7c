import type { APIRoute } from 'astro';
import { availabilityResponse } from '../../../../server/http/availabilityEndpoint.ts';

export const GET: APIRoute = ({ params, url }) => availabilityResponse(params.id, url);
