import { z } from 'zod';
import { enforcementAction } from '../../domain/enforcement/enforcementResult.ts';
import { staffRegionCode } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import { publicArticleAt, publicArticleList } from '../publishing/publicArticleReads.ts';
import { type EnforcementView, enforcementViewSource } from './enforcementView.ts';

/** What the public list accepts; a malformed filter falls back to "all" so a stale bookmark still shows a list. */
export const enforcementListQuery = z.object({
  action: enforcementAction.optional().catch(undefined),
  region: staffRegionCode.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type EnforcementListQuery = z.infer<typeof enforcementListQuery>;

export const enforcementPageSize = 20;

export function listEnforcementResults(portal: Portal, query: EnforcementListQuery, now = new Date()): Promise<{ items: EnforcementView[]; total: number; pages: number }> {
  return publicArticleList(portal, enforcementViewSource, { region: query.region, category: query.action, page: query.page, pageSize: enforcementPageSize }, now);
}

/** The page behind /enforcement/{yyyy}/{slug}: published, corrected or withdrawn; never a draft or a future item. */
export function enforcementResultAt(portal: Portal, year: number, slug: string, now = new Date()): Promise<EnforcementView | undefined> {
  return publicArticleAt(portal, enforcementViewSource, { year, slug }, now);
}
