import { chineseDate } from '../../domain/clarifications/citation.ts';
import { type FeedItem, laterInstant } from '../../domain/publishing/feedItems.ts';
import { ct } from '../../i18n/clarifications.zh-CN.ts';
import type { FeedSource } from '../feeds/feedSource.ts';
import type { Portal } from '../portal.ts';
import { publishDueArticles } from '../publishing/articleIndexing.ts';
import { articleKinds } from '../publishing/articleKinds.ts';
import { queryPublicArticles } from '../publishing/publicArticles.ts';
import { type ClarificationView, clarificationViews } from './clarificationView.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A clarification as a feed entry. The content leads with the claim and verdict, as the page does, so a
 * reader that shows only the content still gets the point. A withdrawal is itself news: the entry stays,
 * retitled, with the reason, so subscribers who saw the original learn it no longer stands.
 */
export function clarificationFeedItem(view: ClarificationView, origin: string): FeedItem | null {
  if (!view.path || !view.publishedAt) return null;
  const url = new URL(view.path, origin).toString();
  const withdrawn = view.state === 'withdrawn' && view.withdrawnAt;
  const lead = `<p><strong>网传：</strong>${escapeHtml(view.claim)}</p><p><strong>核实结论：${escapeHtml(view.verdictLabel)}</strong></p>`;
  const notice = withdrawn
    ? `<p><strong>${escapeHtml(ct('feed.withdrawnBody', { date: chineseDate(view.withdrawnAt ?? ''), reason: view.withdrawnReason ?? '' }))}</strong></p>`
    : '';
  const corrections = view.corrections.map((c) => `<p><em>${escapeHtml(ct('item.correctedOn', { date: chineseDate(c.correctedAt) }))}：${escapeHtml(c.note)}</em></p>`).join('');
  return {
    id: url,
    url,
    title: withdrawn ? ct('feed.withdrawnTitle', { title: view.title }) : view.title,
    summary: withdrawn ? ct('feed.withdrawnBody', { date: chineseDate(view.withdrawnAt ?? ''), reason: view.withdrawnReason ?? '' }) : articleKinds.clarification.summary(view.article),
    contentHtml: withdrawn ? `${notice}${lead}` : `${lead}${corrections}${view.bodyHtml}`,
    published: view.publishedAt,
    updated: laterInstant(view.updatedAt, view.publishedAt),
    authorName: view.issuer,
    categories: [articleKinds.clarification.label, view.verdictLabel, view.regionName],
    regionCode: view.regionCode,
  };
}

async function items(portal: Portal, options: { region?: string; origin: string; now: Date; limit: number }): Promise<FeedItem[]> {
  await publishDueArticles(portal, options.now);
  const { articles } = await queryPublicArticles(portal.store, {
    kind: 'clarification',
    now: options.now,
    ...(options.region ? { region: options.region } : {}),
    includeWithdrawn: true,
    order: 'updated_desc',
    page: 1,
    pageSize: options.limit,
  });
  const views = await clarificationViews(portal.store, articles, options.now);
  return views.map((v) => clarificationFeedItem(v, options.origin)).filter((i): i is FeedItem => i !== null);
}

export const clarificationFeed: FeedSource = {
  key: 'clarifications',
  label: articleKinds.clarification.label,
  homePath: '/clarifications',
  items,
};
