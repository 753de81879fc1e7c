import type { z } from 'zod';
import { clarificationVerdict } from '../../domain/clarifications/clarification.ts';
import { type ArticlePage, articleApiQuery } from '../feeds/apiPaging.ts';
import type { Portal } from '../portal.ts';
import { articleApiPage, articleJsonParts } from '../publishing/articleApi.ts';
import { publicArticleById } from '../publishing/publicArticleReads.ts';
import { type ClarificationView, clarificationViewSource } from './clarificationView.ts';

/** The JSON shape of one clarification in /api/clarifications; documented in docs/api.md. */
export function clarificationJson(view: ClarificationView, origin: string) {
  const { head, region, tail } = articleJsonParts(view, origin);
  return {
    ...head,
    claim: view.claim,
    verdict: view.verdict,
    verdictLabel: view.verdictLabel,
    explanationHtml: view.bodyHtml,
    sources: view.sources,
    issuer: view.issuer,
    region,
    relatedDrugs: view.relatedDrugs,
    ...tail,
  };
}
export type ClarificationJson = ReturnType<typeof clarificationJson>;

export const clarificationApiQuery = articleApiQuery.extend({ verdict: clarificationVerdict.optional() });
export type ClarificationApiQuery = z.infer<typeof clarificationApiQuery>;

export async function clarificationApiPage(portal: Portal, query: ClarificationApiQuery, requestUrl: URL, origin: string, now = new Date()): Promise<ArticlePage<ClarificationJson>> {
  return articleApiPage(portal, clarificationViewSource, { ...query, category: query.verdict }, (v) => clarificationJson(v, origin), requestUrl, now);
}

/** One public clarification by its numeric id, or undefined for drafts, future items and other kinds. */
export async function clarificationApiItem(portal: Portal, id: number, origin: string, now = new Date()): Promise<ClarificationJson | undefined> {
  const view = await publicArticleById(portal, clarificationViewSource, id, now);
  return view ? clarificationJson(view, origin) : undefined;
}
