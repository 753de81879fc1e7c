import type { FeedItem } from '../../domain/publishing/feedItems.ts';
import { et } from '../../i18n/enforcement.zh-CN.ts';
import { articleFeed, articleFeedItem, escapeHtml } from '../publishing/articleFeed.ts';
import { type EnforcementView, enforcementViewSource } from './enforcementView.ts';

/** A result as a feed entry: what was found and what was done lead, as on the page. */
export function enforcementFeedItem(view: EnforcementView, origin: string): FeedItem | null {
  const party = view.party ? ` · ${escapeHtml(et('item.party'))}：${escapeHtml(view.party)}` : '';
  const drugs = view.drugs.map((d) => escapeHtml(d.name)).join('、');
  const lead = [
    view.isDemo ? `<p><strong>${escapeHtml(et('item.demo'))}</strong></p>` : '',
    `<p><strong>${escapeHtml(et('item.finding'))}：</strong>${escapeHtml(view.finding)}</p>`,
    `<p><strong>${escapeHtml(et('item.action'))}：${escapeHtml(view.actionLabel)}</strong>（${escapeHtml(view.actionDate)}）${party}</p>`,
    drugs ? `<p>${escapeHtml(et('item.drugs'))}：${drugs}</p>` : '',
  ].join('');
  return articleFeedItem(view, origin, et, { lead, category: view.actionLabel });
}

export const enforcementFeed = articleFeed(
  enforcementViewSource,
  { key: 'enforcement', homePath: '/enforcement', description: et('feed.description', { label: '价格整治结果' }) },
  enforcementFeedItem,
);
