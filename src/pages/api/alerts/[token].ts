import type { APIRoute } from 'astro';
import { deleteAlertSubscription } from '../../../server/alerts/alertApi.ts';

export const DELETE: APIRoute = (context) => deleteAlertSubscription(context);
