import { z } from 'zod';
import { clarificationVerdict } from '../../domain/clarifications/clarification.ts';
import { staffRegionCode } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import { publicArticleAt, publicArticleList, publicArticleViews } from '../publishing/publicArticleReads.ts';
import { type ClarificationView, clarificationViewSource } from './clarificationView.ts';

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
  return publicArticleList(portal, clarificationViewSource, { region: query.region, category: query.verdict, page: query.page, pageSize: clarificationPageSize }, now);
}

/** The page behind a permalink: published, corrected or withdrawn; never a draft or a future item. */
export async function clarificationAt(portal: Portal, year: number, slug: string, now = new Date()): Promise<ClarificationView | undefined> {
  return publicArticleAt(portal, clarificationViewSource, { year, slug }, now);
}

/** For a drug's page: the newest published clarifications that name it. */
export async function clarificationsForDrug(portal: Portal, drugId: string, limit = 5, now = new Date()): Promise<ClarificationView[]> {
  const { views } = await publicArticleViews(portal, clarificationViewSource, { drugId, includeWithdrawn: false, page: 1, pageSize: limit }, now);
  return views;
}
