import type { APIRoute } from 'astro';
import { postAlertSubscription } from '../../../server/alerts/alertApi.ts';

export const POST: APIRoute = (context) => postAlertSubscription(context);
