import { enforcementFeed } from '../../server/enforcement/enforcementFeed.ts';
import { feedRoute } from '../../server/feeds/feedRoute.ts';

export const GET = feedRoute(enforcementFeed, 'json');
