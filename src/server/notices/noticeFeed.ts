import { chineseDate } from '../../domain/clarifications/citation.ts';
import { formatBytes } from '../../domain/notices/attachment.ts';
import type { FeedItem } from '../../domain/publishing/feedItems.ts';
import { nt } from '../../i18n/notices.zh-CN.ts';
import type { FeedSource } from '../feeds/feedSource.ts';
import type { Portal } from '../portal.ts';
import { publishDueArticles } from '../publishing/articleIndexing.ts';
import { articleKinds } from '../publishing/articleKinds.ts';
import { queryPublicArticles } from '../publishing/publicArticles.ts';
import { type NoticeView, noticeViews } from './noticeView.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A notice as a feed entry: the 文号 and quarter lead, as on paper, then corrections, the body and links to
 * the PDFs. A withdrawal is news too: the entry stays, retitled, with the reason.
 */
export function noticeFeedItem(view: NoticeView, origin: string): FeedItem | null {
  if (!view.path || !view.publishedAt) return null;
  const url = new URL(view.path, origin).toString();
  const withdrawn = view.state === 'withdrawn';
  const withdrawal = nt('feed.withdrawnBody', { date: chineseDate(view.withdrawnAt ?? view.updatedAt), reason: view.withdrawnReason ?? '' });
  const lead = `<p><strong>${escapeHtml(view.docNumber)}</strong> · ${escapeHtml(view.quarterLabel)} · ${escapeHtml(view.regionName)}</p>`;
  const corrections = view.corrections
    .map((c) => `<p><em>${escapeHtml(nt('item.correctedOn', { date: chineseDate(c.correctedAt) }))}：${escapeHtml(c.note)}</em></p>`)
    .join('');
  const files = view.attachments
    .filter((a) => a.path)
    .map((a) => `<li><a href="${escapeHtml(new URL(a.path ?? '', origin).toString())}">${escapeHtml(a.filename)}</a>（PDF，${formatBytes(a.size)}）</li>`)
    .join('');
  const attachments = files ? `<p>${escapeHtml(nt('item.attachments'))}：</p><ul>${files}</ul>` : '';
  return {
    id: url,
    url,
    title: withdrawn ? nt('feed.withdrawnTitle', { title: view.title }) : view.title,
    summary: withdrawn ? withdrawal : articleKinds.notice.summary(view.article),
    contentHtml: withdrawn ? `<p><strong>${escapeHtml(withdrawal)}</strong></p>${lead}` : `${lead}${corrections}${view.bodyHtml}${attachments}`,
    published: view.publishedAt,
    // ISO 8601 UTC strings order as the instants do.
    updated: view.updatedAt.localeCompare(view.publishedAt) > 0 ? view.updatedAt : view.publishedAt,
    authorName: view.issuer,
    categories: [articleKinds.notice.label, view.quarterLabel, view.regionName],
    regionCode: view.regionCode,
  };
}

async function items(portal: Portal, options: { region?: string; origin: string; now: Date; limit: number }): Promise<FeedItem[]> {
  await publishDueArticles(portal, options.now);
  const { articles } = await queryPublicArticles(portal.store, {
    kind: 'notice',
    now: options.now,
    ...(options.region ? { region: options.region } : {}),
    includeWithdrawn: true,
    order: 'updated_desc',
    page: 1,
    pageSize: options.limit,
  });
  const views = await noticeViews(portal.store, articles, options.now);
  return views.map((v) => noticeFeedItem(v, options.origin)).filter((i): i is FeedItem => i !== null);
}

export const noticeFeed: FeedSource = {
  key: 'notices',
  label: articleKinds.notice.label,
  homePath: '/notices',
  description: nt('feed.description'),
  items,
};
