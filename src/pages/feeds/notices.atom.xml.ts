import { feedRoute } from '../../server/feeds/feedRoute.ts';
import { noticeFeed } from '../../server/notices/noticeFeed.ts';

export const GET = feedRoute(noticeFeed, 'atom');
