import { getRssString } from '@astrojs/rss';
import XMLBuilder from 'fast-xml-builder';
import { type FeedItem, type FeedMeta, feedUpdated } from '../../domain/publishing/feedItems.ts';

/**
 * The three formats readers and aggregators ask for, each written by a library from a neutral item list
 * (domain/publishing/feedItems.ts), so escaping is never our own string handling: RSS 2.0 by @astrojs/rss,
 * Atom by fast-xml-builder (the builder @astrojs/rss itself uses, via fast-xml-parser), JSON Feed 1.1 by
 * JSON.stringify.
 */
export type FeedFormat = 'rss' | 'atom' | 'json';

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export async function rssFeed(meta: FeedMeta, items: readonly FeedItem[]): Promise<string> {
  return getRssString({
    title: meta.title,
    description: meta.description,
    site: meta.homeUrl,
    trailingSlash: false,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // customData is parsed as XML by @astrojs/rss, so these values are built by the same builder, escaped.
    customData: new XMLBuilder({ ignoreAttributes: false }).build({
      language: meta.language,
      'atom:link': { '@_href': meta.feedUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
    }),
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: new Date(item.published),
      description: item.summary,
      content: item.contentHtml,
      categories: item.categories,
    })),
  });
}

export function atomFeed(meta: FeedMeta, items: readonly FeedItem[], now = new Date()): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': meta.language,
      id: meta.feedUrl,
      title: meta.title,
      subtitle: meta.description,
      updated: feedUpdated(items, now),
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': meta.feedUrl },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': meta.homeUrl },
      ],
      entry: items.map((item) => ({
        id: item.id,
        title: item.title,
        link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': item.url },
        published: item.published,
        updated: item.updated,
        author: { name: item.authorName },
        category: item.categories.map((term) => ({ '@_term': term })),
        summary: item.summary,
        content: { '@_type': 'html', '#text': item.contentHtml },
      })),
    },
  });
}

/** https://www.jsonfeed.org/version/1.1/ */
export function jsonFeed(meta: FeedMeta, items: readonly FeedItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    language: meta.language,
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.published,
      date_modified: item.updated,
      authors: [{ name: item.authorName }],
      tags: item.categories,
    })),
  });
}

export async function renderFeed(format: FeedFormat, meta: FeedMeta, items: readonly FeedItem[], now = new Date()): Promise<string> {
  if (format === 'rss') return rssFeed(meta, items);
  if (format === 'atom') return atomFeed(meta, items, now);
  return jsonFeed(meta, items);
}
