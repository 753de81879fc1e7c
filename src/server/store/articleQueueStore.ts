import type { Selectable } from 'kysely';
import type { ArticleKind } from '../../domain/publishing/article.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { Store } from './openStore.ts';
import type { ArticleTable } from './schema.ts';

/** Articles of a kind issued for a region or below it, most recently changed first: a staff queue's rows. */
export async function articlesInRegion(store: Store, kind: ArticleKind, regionCode: string, limit: number): Promise<Selectable<ArticleTable>[]> {
  const { from, before } = regionPrefixRange(regionCode);
  return store
    .selectFrom('articles')
    .selectAll()
    .where('kind', '=', kind)
    .where('region_code', '>=', from)
    .where('region_code', '<', before)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
