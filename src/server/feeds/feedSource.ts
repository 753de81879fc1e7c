import type { FeedItem } from '../../domain/publishing/feedItems.ts';
import type { Portal } from '../portal.ts';

/**
 * Something the site publishes a feed of. Clarifications are one source (server/clarifications/
 * clarificationFeed.ts); quarterly notices become the second by implementing this and adding their routes.
 */
export interface FeedSource {
  /** The path segment: /feeds/{key}.rss.xml and /feeds/{region}/{key}.rss.xml */
  key: string;
  /** 辟谣澄清, 季度通报 … used in the feed title. */
  label: string;
  /** The HTML list the feed mirrors, e.g. /clarifications (a region feed adds ?region=). */
  homePath: string;
  /** What the feed is about, for readers' subscription lists; without one, the clarifications' wording. */
  description?: string;
  items(portal: Portal, options: FeedItemOptions): Promise<FeedItem[]>;
}

export interface FeedItemOptions {
  /** Only items concerning this region (issued for it, above it or below it). */
  region?: string;
  /** Scheme and host for absolute links. */
  origin: string;
  now: Date;
  limit: number;
}

/** How many items a feed carries: enough for a reader polling daily, small enough to fetch on a phone. */
export const feedItemLimit = 50;
