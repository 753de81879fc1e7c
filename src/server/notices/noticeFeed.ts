import { formatBytes } from '../../domain/notices/attachment.ts';
import type { FeedItem } from '../../domain/publishing/feedItems.ts';
import { nt } from '../../i18n/notices.zh-CN.ts';
import { articleFeed, articleFeedItem, escapeHtml } from '../publishing/articleFeed.ts';
import { type NoticeView, noticeViewSource } from './noticeView.ts';

/** A notice as a feed entry: the 文号 and quarter lead, as on paper, and links to the PDFs follow the body. */
export function noticeFeedItem(view: NoticeView, origin: string): FeedItem | null {
  const lead = `<p><strong>${escapeHtml(view.docNumber)}</strong> · ${escapeHtml(view.quarterLabel)} · ${escapeHtml(view.regionName)}</p>`;
  const files = view.attachments
    .filter((a) => a.path)
    .map((a) => `<li><a href="${escapeHtml(new URL(a.path ?? '', origin).toString())}">${escapeHtml(a.filename)}</a>（PDF，${formatBytes(a.size)}）</li>`)
    .join('');
  const trailer = files ? `<p>${escapeHtml(nt('item.attachments'))}：</p><ul>${files}</ul>` : '';
  return articleFeedItem(view, origin, nt, { lead, trailer, category: view.quarterLabel });
}

export const noticeFeed = articleFeed(noticeViewSource, { key: 'notices', homePath: '/notices', description: nt('feed.description') }, noticeFeedItem);
