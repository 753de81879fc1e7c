import type { z } from 'zod';
import { enforcementAction } from '../../domain/enforcement/enforcementResult.ts';
import { type ArticlePage, articleApiQuery } from '../feeds/apiPaging.ts';
import type { Portal } from '../portal.ts';
import { articleApiPage, articleJsonParts } from '../publishing/articleApi.ts';
import { publicArticleById } from '../publishing/publicArticleReads.ts';
import { type EnforcementView, enforcementViewSource } from './enforcementView.ts';

/** The JSON shape of one result in /api/enforcement; documented in docs/api.md (## Enforcement results). */
export function enforcementJson(view: EnforcementView, origin: string) {
  const { head, region, tail } = articleJsonParts(view, origin);
  return {
    ...head,
    finding: view.finding,
    action: view.action,
    actionLabel: view.actionLabel,
    actionDate: view.actionDate,
    party: view.party || null,
    drugs: view.drugs,
    bodyHtml: view.bodyHtml,
    issuer: view.issuer,
    region,
    isDemo: view.isDemo,
    ...tail,
  };
}
export type EnforcementJson = ReturnType<typeof enforcementJson>;

export const enforcementApiQuery = articleApiQuery.extend({ action: enforcementAction.optional() });
export type EnforcementApiQuery = z.infer<typeof enforcementApiQuery>;

export async function enforcementApiPage(portal: Portal, query: EnforcementApiQuery, requestUrl: URL, origin: string, now = new Date()): Promise<ArticlePage<EnforcementJson>> {
  return articleApiPage(portal, enforcementViewSource, { ...query, category: query.action }, (v) => enforcementJson(v, origin), requestUrl, now);
}

/** One public result by its numeric id, or undefined for drafts, future items and other kinds. */
export async function enforcementApiItem(portal: Portal, id: number, origin: string, now = new Date()): Promise<EnforcementJson | undefined> {
  const view = await publicArticleById(portal, enforcementViewSource, id, now);
  return view ? enforcementJson(view, origin) : undefined;
}
