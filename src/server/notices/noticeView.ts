import { noticeData } from '../../domain/notices/notice.ts';
import { noticePath } from '../../domain/notices/noticePermalink.ts';
import { formatQuarterParam, type Quarter, quarterLabel, quarterParam } from '../../domain/notices/quarter.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { renderStoredMarkdown } from '../../domain/publishing/markdown.ts';
import { type ArticleState, effectiveState } from '../../domain/publishing/workflow.ts';
import type { Store } from '../store/openStore.ts';
import { attachmentsOf, type NoticeAttachment } from './noticeStore.ts';

/** A notice as pages, feeds and the API show it: fields parsed, body rendered, region named, files listed. */
export interface NoticeText {
  title: string;
  docNumber: string;
  bodyHtml: string;
}

export interface NoticeView extends NoticeText {
  id: number;
  state: ArticleState;
  issuer: string;
  regionCode: string;
  regionName: string;
  quarter: Quarter;
  quarterParam: string;
  quarterLabel: string;
  /** The public page; null until published (a draft being previewed). */
  path: string | null;
  attachments: (NoticeAttachment & { path: string | null })[];
  publishedAt: string | null;
  correctedAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  updatedAt: string;
  corrections: { correctedAt: string; note: string; previous: NoticeText }[];
  article: Article;
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
    id: article.id,
    state: effectiveState(article, now),
    issuer: article.issuer,
    regionCode: article.regionCode,
    regionName,
    quarter,
    quarterParam: formatQuarterParam(quarter),
    quarterLabel: quarterLabel(quarter),
    path,
    attachments: attachments.map((a) => ({ ...a, path: path ? `${path}/attachments/${a.sha256}.pdf` : null })),
    publishedAt: article.publishedAt,
    correctedAt: article.correctedAt,
    withdrawnAt: article.withdrawnAt,
    withdrawnReason: article.withdrawnReason,
    updatedAt: article.updatedAt,
    // Newest first: the reader wants to know what changed last.
    corrections: [...article.corrections].reverse().map((c) => ({
      correctedAt: c.correctedAt,
      note: c.note,
      previous: textOf(c.previous.title, c.previous.bodyMd, c.previous.data, 5),
    })),
    article,
  };
}

/** Views for many notices with their region names and attachments in three queries. */
export async function noticeViews(store: Store, articles: readonly Article[], now: Date): Promise<NoticeView[]> {
  if (articles.length === 0) return [];
  const codes = [...new Set(articles.map((a) => a.regionCode))];
  const [regions, files] = await Promise.all([
    store.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute(),
    attachmentsOf(store, articles.map((a) => a.id)),
  ]);
  const names = new Map(regions.map((r) => [r.code, r.name]));
  return articles.map((a) => noticeView(a, names.get(a.regionCode) ?? a.regionCode, files.get(a.id) ?? [], now));
}
