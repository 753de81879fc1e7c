import type { FeedItem } from '../../domain/publishing/feedItems.ts';
import { ct } from '../../i18n/clarifications.zh-CN.ts';
import { articleFeed, articleFeedItem, escapeHtml } from '../publishing/articleFeed.ts';
import { type ClarificationView, clarificationViewSource } from './clarificationView.ts';

/** A clarification as a feed entry. The content leads with the claim and verdict, as the page does. */
export function clarificationFeedItem(view: ClarificationView, origin: string): FeedItem | null {
  const lead = `<p><strong>网传：</strong>${escapeHtml(view.claim)}</p><p><strong>核实结论：${escapeHtml(view.verdictLabel)}</strong></p>`;
  return articleFeedItem(view, origin, ct, { lead, category: view.verdictLabel });
}

export const clarificationFeed = articleFeed(clarificationViewSource, { key: 'clarifications', homePath: '/clarifications' }, clarificationFeedItem);
