import type { z } from 'zod';
import { clarificationVerdict } from '../../domain/clarifications/clarification.ts';
import { citationLine } from '../../domain/clarifications/citation.ts';
import { isPublic } from '../../domain/publishing/workflow.ts';
import { type ArticlePage, articleApiQuery, articlePage } from '../feeds/apiPaging.ts';
import type { Portal } from '../portal.ts';
import { publishDueArticles } from '../publishing/articleIndexing.ts';
import { loadArticle } from '../publishing/articleStore.ts';
import { queryPublicArticles } from '../publishing/publicArticles.ts';
import { type ClarificationView, clarificationViews } from './clarificationView.ts';

/** The JSON shape of one clarification in /api/clarifications; documented in docs/api.md. */
export function clarificationJson(view: ClarificationView, origin: string) {
  const url = view.path ? new URL(view.path, origin).toString() : null;
  const withdrawn = view.state === 'withdrawn';
  return {
    id: view.id,
    url,
    status: withdrawn ? 'withdrawn' : 'published',
    title: view.title,
    claim: view.claim,
    verdict: view.verdict,
    verdictLabel: view.verdictLabel,
    explanationHtml: view.bodyHtml,
    sources: view.sources,
    issuer: view.issuer,
    region: { code: view.regionCode, name: view.regionName },
    relatedDrugs: view.relatedDrugs,
    publishedAt: view.publishedAt,
    correctedAt: view.correctedAt,
    updatedAt: view.updatedAt,
    withdrawal: withdrawn ? { at: view.withdrawnAt, reason: view.withdrawnReason } : null,
    corrections: view.corrections.map((c) => ({ correctedAt: c.correctedAt, note: c.note, previous: c.previous })),
    citation: url && view.publishedAt ? citationLine({ title: view.title, issuer: view.issuer, publishedAt: view.publishedAt, url }) : null,
  };
}
export type ClarificationJson = ReturnType<typeof clarificationJson>;

export const clarificationApiQuery = articleApiQuery.extend({ verdict: clarificationVerdict.optional() });
export type ClarificationApiQuery = z.infer<typeof clarificationApiQuery>;

export async function clarificationApiPage(portal: Portal, query: ClarificationApiQuery, requestUrl: URL, origin: string, now = new Date()): Promise<ArticlePage<ClarificationJson>> {
  await publishDueArticles(portal, now);
  const { articles, total } = await queryPublicArticles(portal.store, {
    kind: 'clarification',
    now,
    ...(query.region ? { region: query.region } : {}),
    ...(query.verdict ? { category: query.verdict } : {}),
    ...(query.updatedSince ? { updatedSince: query.updatedSince } : {}),
    includeWithdrawn: true,
    page: query.page,
    pageSize: query.pageSize,
  });
  const views = await clarificationViews(portal.store, articles, now);
  return articlePage(views.map((v) => clarificationJson(v, origin)), total, query, requestUrl, now);
}

/** One public clarification by its numeric id, or undefined for drafts, future items and other kinds. */
export async function clarificationApiItem(portal: Portal, id: number, origin: string, now = new Date()): Promise<ClarificationJson | undefined> {
  await publishDueArticles(portal, now);
  const article = await loadArticle(portal.store, id);
  if (article?.kind !== 'clarification' || !article.permalink || !isPublic(article, now)) return undefined;
  const [view] = await clarificationViews(portal.store, [article], now);
  return view ? clarificationJson(view, origin) : undefined;
}
