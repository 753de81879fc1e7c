import type { z } from 'zod';
import { citationLine } from '../../domain/clarifications/citation.ts';
import { formatQuarterParam, quarterParam } from '../../domain/notices/quarter.ts';
import { isPublic } from '../../domain/publishing/workflow.ts';
import { type ArticlePage, articleApiQuery, articlePage } from '../feeds/apiPaging.ts';
import type { Portal } from '../portal.ts';
import { publishDueArticles } from '../publishing/articleIndexing.ts';
import { queryPublicArticles } from '../publishing/publicArticles.ts';
import { loadNotice } from './noticeStore.ts';
import { type NoticeView, noticeViews } from './noticeView.ts';

/** The JSON shape of one notice in /api/notices; documented in docs/api.md (## Notices). */
export function noticeJson(view: NoticeView, origin: string) {
  const url = view.path ? new URL(view.path, origin).toString() : null;
  const withdrawn = view.state === 'withdrawn';
  return {
    id: view.id,
    url,
    status: withdrawn ? 'withdrawn' : 'published',
    title: view.title,
    docNumber: view.docNumber,
    quarter: view.quarterParam,
    quarterLabel: view.quarterLabel,
    issuer: view.issuer,
    region: { code: view.regionCode, name: view.regionName },
    bodyHtml: view.bodyHtml,
    attachments: view.attachments.map((a) => ({
      filename: a.filename,
      url: a.path ? new URL(a.path, origin).toString() : null,
      contentType: 'application/pdf',
      size: a.size,
      sha256: a.sha256,
    })),
    publishedAt: view.publishedAt,
    correctedAt: view.correctedAt,
    updatedAt: view.updatedAt,
    withdrawal: withdrawn ? { at: view.withdrawnAt, reason: view.withdrawnReason } : null,
    corrections: view.corrections.map((c) => ({ correctedAt: c.correctedAt, note: c.note, previous: c.previous })),
    citation: url && view.publishedAt ? citationLine({ title: view.title, issuer: view.issuer, publishedAt: view.publishedAt, url }) : null,
  };
}
export type NoticeJson = ReturnType<typeof noticeJson>;

export const noticeApiQuery = articleApiQuery.extend({ quarter: quarterParam.optional() });
export type NoticeApiQuery = z.infer<typeof noticeApiQuery>;

export async function noticeApiPage(portal: Portal, query: NoticeApiQuery, requestUrl: URL, origin: string, now = new Date()): Promise<ArticlePage<NoticeJson>> {
  await publishDueArticles(portal, now);
  const { articles, total } = await queryPublicArticles(portal.store, {
    kind: 'notice',
    now,
    ...(query.region ? { region: query.region } : {}),
    ...(query.quarter ? { category: formatQuarterParam(query.quarter) } : {}),
    ...(query.updatedSince ? { updatedSince: query.updatedSince } : {}),
    includeWithdrawn: true,
    page: query.page,
    pageSize: query.pageSize,
  });
  const views = await noticeViews(portal.store, articles, now);
  return articlePage(views.map((v) => noticeJson(v, origin)), total, query, requestUrl, now);
}

/** One public notice by its numeric id, or undefined for drafts, future items and other kinds. */
export async function noticeApiItem(portal: Portal, id: number, origin: string, now = new Date()): Promise<NoticeJson | undefined> {
  await publishDueArticles(portal, now);
  const article = await loadNotice(portal.store, id);
  if (!article?.permalink || !isPublic(article, now)) return undefined;
  const [view] = await noticeViews(portal.store, [article], now);
  return view ? noticeJson(view, origin) : undefined;
}
