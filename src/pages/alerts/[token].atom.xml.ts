import { alertFeedRoute } from '../../server/alerts/alertFeed.ts';

export const GET = alertFeedRoute('atom');
