import { z } from 'zod';
import { noticePermalink } from '../../domain/notices/noticePermalink.ts';
import { formatQuarterParam, type Quarter, quarterParam } from '../../domain/notices/quarter.ts';
import { isPublic } from '../../domain/publishing/workflow.ts';
import { staffRegionCode } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import { publishDueArticles } from '../publishing/articleIndexing.ts';
import { loadArticleByPermalink } from '../publishing/articleStore.ts';
import { queryPublicArticles } from '../publishing/publicArticles.ts';
import { findAttachment } from './noticeStore.ts';
import { type NoticeView, noticeViews } from './noticeView.ts';

/** What the public list accepts; a malformed filter falls back to "all" so a stale bookmark still shows a list. */
export const noticeListQuery = z.object({
  region: staffRegionCode.optional().catch(undefined),
  quarter: quarterParam.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

export const noticePageSize = 20;

export async function listNotices(portal: Portal, query: NoticeListQuery, now = new Date()): Promise<{ items: NoticeView[]; total: number; pages: number }> {
  await publishDueArticles(portal, now);
  const { articles, total } = await queryPublicArticles(portal.store, {
    kind: 'notice',
    now,
    ...(query.region ? { region: query.region } : {}),
    ...(query.quarter ? { category: formatQuarterParam(query.quarter) } : {}),
    includeWithdrawn: false,
    page: query.page,
    pageSize: noticePageSize,
  });
  return { items: await noticeViews(portal.store, articles, now), total, pages: Math.max(1, Math.ceil(total / noticePageSize)) };
}

/** The page behind /notices/{region}/{yyyy}-q{n}: published, corrected or withdrawn; never a draft. */
export async function noticeAt(portal: Portal, regionCode: string, quarter: Quarter, now = new Date()): Promise<NoticeView | undefined> {
  await publishDueArticles(portal, now);
  const { year, slug } = noticePermalink(regionCode, quarter);
  const article = await loadArticleByPermalink(portal.store, 'notice', year, slug);
  if (!article || !isPublic(article, now)) return undefined;
  return (await noticeViews(portal.store, [article], now))[0];
}

/**
 * An attachment as the public may fetch it: only of a notice the public can read, and only a file that
 * notice lists, so a file's checksum alone (seen in a draft, say) opens nothing.
 */
export async function publicAttachment(portal: Portal, regionCode: string, quarter: Quarter, sha256: string, now = new Date()) {
  const notice = await noticeAt(portal, regionCode, quarter, now);
  if (!notice) return undefined;
  return findAttachment(portal.store, notice.id, sha256);
}
