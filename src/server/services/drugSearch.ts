import type { Portal } from '../portal.ts';
import { type ArticleHit, searchArticles } from '../search/articleIndex.ts';
import { type DrugHit, searchDrugs } from '../search/drugIndex.ts';

export interface DrugSearchResult {
  query: string;
  hits: DrugHit[];
  /** Published clarifications and notices matching the query, shown beside the drugs. */
  articles: ArticleHit[];
}

export async function drugSearch(portal: Portal, query: string, limit: number): Promise<DrugSearchResult> {
  const [hits, articles] = await Promise.all([searchDrugs(portal.search, query, limit), searchArticles(portal.search, query, 5)]);
  return { query, hits, articles };
}
