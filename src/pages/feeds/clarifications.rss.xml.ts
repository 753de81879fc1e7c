import { clarificationFeed } from '../../server/clarifications/clarificationFeed.ts';
import { feedRoute } from '../../server/feeds/feedRoute.ts';

export const GET = feedRoute(clarificationFeed, 'rss');
