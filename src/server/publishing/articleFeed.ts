import { chineseDate } from '../../domain/clarifications/citation.ts';
import { type FeedItem, laterInstant } from '../../domain/publishing/feedItems.ts';
import type { FeedSource } from '../feeds/feedSource.ts';
import { articleKinds } from './articleKinds.ts';
import type { ArticleText, ArticleView } from './articleView.ts';
import { type ArticleViewSource, publicArticleViews } from './publicArticleReads.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The kind's wording of what every feed entry may say; each kind's strings file has these keys. */
export type FeedWording = (key: 'feed.withdrawnTitle' | 'feed.withdrawnBody' | 'item.correctedOn', values: Record<string, string | number>) => string;

/** What a kind adds to its entries. */
export interface FeedEntryParts {
  /** HTML the content leads with, as the kind's page does; a withdrawn entry keeps it under the notice. */
  lead: string;
  /** HTML after the body, e.g. links to a notice's files. */
  trailer?: string;
  /** Shown by readers as a tag between the kind's label and the region: a verdict, a quarter. */
  category: string;
}

/**
 * An article as a feed entry: the lead, the dated correction notes, the body. A withdrawal is itself news:
 * the entry stays, retitled, with the reason, so subscribers who saw the original learn it no longer stands.
 */
export function articleFeedItem<T extends ArticleText>(view: ArticleView<T>, origin: string, say: FeedWording, parts: FeedEntryParts): FeedItem | null {
  if (!view.path || !view.publishedAt) return null;
  const url = new URL(view.path, origin).toString();
  const kind = articleKinds[view.article.kind];
  const withdrawn = view.state === 'withdrawn';
  const withdrawal = say('feed.withdrawnBody', { date: chineseDate(view.withdrawnAt ?? view.updatedAt), reason: view.withdrawnReason ?? '' });
  const corrections = view.corrections
    .map((c) => `<p><em>${escapeHtml(say('item.correctedOn', { date: chineseDate(c.correctedAt) }))}：${escapeHtml(c.note)}</em></p>`)
    .join('');
  return {
    id: url,
    url,
    title: withdrawn ? say('feed.withdrawnTitle', { title: view.title }) : view.title,
    summary: withdrawn ? withdrawal : kind.summary(view.article),
    contentHtml: withdrawn ? `<p><strong>${escapeHtml(withdrawal)}</strong></p>${parts.lead}` : `${parts.lead}${corrections}${view.bodyHtml}${parts.trailer ?? ''}`,
    published: view.publishedAt,
    updated: laterInstant(view.updatedAt, view.publishedAt),
    authorName: view.issuer,
    categories: [kind.label, parts.category, view.regionName],
    regionCode: view.regionCode,
  };
}

/** A feed of one kind: its public articles, withdrawn ones included, newest change first. */
export function articleFeed<V>(
  views: ArticleViewSource<V>,
  feed: Pick<FeedSource, 'key' | 'homePath' | 'description'>,
  entry: (view: V, origin: string) => FeedItem | null,
): FeedSource {
  return {
    ...feed,
    label: articleKinds[views.kind].label,
    async items(portal, options) {
      const { region, limit, now, origin } = options;
      const page = await publicArticleViews(portal, views, { region, includeWithdrawn: true, order: 'updated_desc', page: 1, pageSize: limit }, now);
      return page.views.map((v) => entry(v, origin)).filter((i): i is FeedItem => i !== null);
    },
  };
}
