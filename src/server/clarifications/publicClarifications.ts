import { z } from 'zod';
import { clarificationVerdict } from '../../domain/clarifications/clarification.ts';
import { isPublic } from '../../domain/publishing/workflow.ts';
import { staffRegionCode } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import { publishDueArticles } from '../publishing/articleIndexing.ts';
import { loadArticleByPermalink } from '../publishing/articleStore.ts';
import { queryPublicArticles } from '../publishing/publicArticles.ts';
import { type ClarificationView, clarificationViews } from './clarificationView.ts';

/** What the public list and its filters accept from the query string. */
export const clarificationListQuery = z.object({
  verdict: clarificationVerdict.optional().catch(undefined),
  region: staffRegionCode.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type ClarificationListQuery = z.infer<typeof clarificationListQuery>;

export const clarificationPageSize = 20;

export async function listClarifications(
  portal: Portal,
  query: ClarificationListQuery,
  now = new Date(),
): Promise<{ items: ClarificationView[]; total: number; pages: number }> {
  await publishDueArticles(portal, now);
  const { articles, total } = await queryPublicArticles(portal.store, {
    kind: 'clarification',
    now,
    ...(query.region ? { region: query.region } : {}),
    ...(query.verdict ? { category: query.verdict } : {}),
    includeWithdrawn: false,
    page: query.page,
    pageSize: clarificationPageSize,
  });
  return { items: await clarificationViews(portal.store, articles, now), total, pages: Math.max(1, Math.ceil(total / clarificationPageSize)) };
}

/** The page behind a permalink: published, corrected or withdrawn; never a draft or a future item. */
export async function clarificationAt(portal: Portal, year: number, slug: string, now = new Date()): Promise<ClarificationView | undefined> {
  await publishDueArticles(portal, now);
  const article = await loadArticleByPermalink(portal.store, 'clarification', year, slug);
  if (!article || !isPublic(article, now)) return undefined;
  return (await clarificationViews(portal.store, [article], now))[0];
}

/** For a drug's page: the newest published clarifications that name it. */
export async function clarificationsForDrug(portal: Portal, drugId: string, limit = 5, now = new Date()): Promise<ClarificationView[]> {
  await publishDueArticles(portal, now);
  const { articles } = await queryPublicArticles(portal.store, {
    kind: 'clarification',
    now,
    drugId,
    includeWithdrawn: false,
    page: 1,
    pageSize: limit,
  });
  return clarificationViews(portal.store, articles, now);
}
