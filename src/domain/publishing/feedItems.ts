/**
 * One entry of a feed, whatever published it (澄清, 季度通报 …) and whatever format it is written out in
 * (RSS 2.0, Atom, JSON Feed). Each source maps its own records to this; each format maps from it.
 */
export interface FeedItem {
  /** Stable for the life of the item: the permalink, so that readers de-duplicate across formats. */
  id: string;
  url: string;
  title: string;
  /** Plain text, a sentence or two, for readers that show no HTML. */
  summary: string;
  /** Sanitised HTML of the full text; for a withdrawn item, the withdrawal notice instead. */
  contentHtml: string;
  /** ISO 8601 UTC. */
  published: string;
  /** ISO 8601 UTC; later than `published` after a correction or withdrawal, so readers show it again. */
  updated: string;
  /** The issuing body, e.g. 景德镇市卫生健康委员会. */
  authorName: string;
  /** Shown by readers as tags: the kind, the verdict, the region name. */
  categories: string[];
  regionCode: string;
}

/** What a feed says about itself. */
export interface FeedMeta {
  title: string;
  description: string;
  /** The HTML page the feed mirrors, e.g. https://…/clarifications */
  homeUrl: string;
  /** The feed's own URL, for Atom's rel="self" and JSON Feed's feed_url. */
  feedUrl: string;
  language: string;
}

/** Newest change first, which is what every reader expects at the top. */
export function sortFeedItems(items: readonly FeedItem[]): FeedItem[] {
  return [...items].sort((a, b) => b.updated.localeCompare(a.updated) || b.id.localeCompare(a.id));
}

/** When the feed as a whole last changed; an empty feed reports the given fallback (usually now). */
export function feedUpdated(items: readonly FeedItem[], fallback: Date): string {
  return items.reduce((latest, item) => laterInstant(latest, item.updated), '') || fallback.toISOString();
}

/** The later of two ISO 8601 UTC strings of the same shape, which order as text. */
export function laterInstant(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}
