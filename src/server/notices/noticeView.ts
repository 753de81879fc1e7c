import { noticeData } from '../../domain/notices/notice.ts';
import { noticePath } from '../../domain/notices/noticePermalink.ts';
import { formatQuarterParam, type Quarter, quarterLabel, quarterParam } from '../../domain/notices/quarter.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { renderStoredMarkdown } from '../../domain/publishing/markdown.ts';
import type { ArticleViewSource } from '../publishing/publicArticleReads.ts';
import { type ArticleViewBase, articleViewBase, regionNamesFor } from '../publishing/articleView.ts';
import type { Store } from '../store/openStore.ts';
import { attachmentsOf, type NoticeAttachment } from '../store/noticeStore.ts';

/** A notice as pages, feeds and the API show it: fields parsed, body rendered, region named, files listed. */
export interface NoticeText {
  title: string;
  docNumber: string;
  bodyHtml: string;
}

export interface NoticeView extends NoticeText, ArticleViewBase<NoticeText> {
  quarter: Quarter;
  quarterParam: string;
  quarterLabel: string;
  attachments: (NoticeAttachment & { path: string | null })[];
}

/** `topHeading` 5 for text shown inside a correction, whose section headings sit deeper on the page. */
function textOf(title: string, bodyMd: string, data: unknown, topHeading: 3 | 5 = 3): NoticeText {
  const fields = noticeData.safeParse(data);
  return { title, docNumber: fields.success ? fields.data.docNumber : '', bodyHtml: renderStoredMarkdown(bodyMd, topHeading) };
}

export function noticeView(article: Article, regionName: string, attachments: NoticeAttachment[], now: Date): NoticeView {
  const data = noticeData.safeParse(article.data);
  // The category mirrors the quarter; either serves should the JSON ever be hand-edited.
  const quarter = quarterParam.parse(data.success ? data.data.quarter : article.category);
  const path = article.permalink ? noticePath(article.regionCode, quarter) : null;
  return {
    ...textOf(article.title, article.bodyMd, article.data),
    ...articleViewBase(article, regionName, path, now, (previous) => textOf(previous.title, previous.bodyMd, previous.data, 5)),
    quarter,
    quarterParam: formatQuarterParam(quarter),
    quarterLabel: quarterLabel(quarter),
    attachments: attachments.map((a) => ({ ...a, path: path ? `${path}/attachments/${a.sha256}.pdf` : null })),
  };
}

/** Views for many notices with their region names and attachments in two queries. */
export async function noticeViews(store: Store, articles: readonly Article[], now: Date): Promise<NoticeView[]> {
  if (articles.length === 0) return [];
  const [names, files] = await Promise.all([regionNamesFor(store, articles), attachmentsOf(store, articles.map((a) => a.id))]);
  return articles.map((a) => noticeView(a, names.get(a.regionCode) ?? a.regionCode, files.get(a.id) ?? [], now));
}

/** Notices for the generic public reads (server/publishing/publicArticleReads.ts). */
export const noticeViewSource: ArticleViewSource<NoticeView> = { kind: 'notice', views: noticeViews };
