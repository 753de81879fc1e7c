import type { z } from 'zod';
import { formatQuarterParam, quarterParam } from '../../domain/notices/quarter.ts';
import { type ArticlePage, articleApiQuery } from '../feeds/apiPaging.ts';
import type { Portal } from '../portal.ts';
import { articleApiPage, articleJsonParts } from '../publishing/articleApi.ts';
import { publicArticleById } from '../publishing/publicArticleReads.ts';
import { type NoticeView, noticeViewSource } from './noticeView.ts';

/** The JSON shape of one notice in /api/notices; documented in docs/api.md (## Notices). */
export function noticeJson(view: NoticeView, origin: string) {
  const { head, region, tail } = articleJsonParts(view, origin);
  return {
    ...head,
    docNumber: view.docNumber,
    quarter: view.quarterParam,
    quarterLabel: view.quarterLabel,
    issuer: view.issuer,
    region,
    bodyHtml: view.bodyHtml,
    attachments: view.attachments.map((a) => ({
      filename: a.filename,
      url: a.path ? new URL(a.path, origin).toString() : null,
      contentType: 'application/pdf',
      size: a.size,
      sha256: a.sha256,
    })),
    ...tail,
  };
}
export type NoticeJson = ReturnType<typeof noticeJson>;

export const noticeApiQuery = articleApiQuery.extend({ quarter: quarterParam.optional() });
export type NoticeApiQuery = z.infer<typeof noticeApiQuery>;

export async function noticeApiPage(portal: Portal, query: NoticeApiQuery, requestUrl: URL, origin: string, now = new Date()): Promise<ArticlePage<NoticeJson>> {
  const category = query.quarter ? formatQuarterParam(query.quarter) : undefined;
  return articleApiPage(portal, noticeViewSource, { ...query, category }, (v) => noticeJson(v, origin), requestUrl, now);
}

/** One public notice by its numeric id, or undefined for drafts, future items and other kinds. */
export async function noticeApiItem(portal: Portal, id: number, origin: string, now = new Date()): Promise<NoticeJson | undefined> {
  const view = await publicArticleById(portal, noticeViewSource, id, now);
  return view ? noticeJson(view, origin) : undefined;
}
