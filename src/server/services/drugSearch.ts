import type { Portal } from '../portal.ts';
import { type DrugHit, searchDrugs } from '../search/drugIndex.ts';

export interface DrugSearchResult {
  query: string;
  hits: DrugHit[];
}

export async function drugSearch(portal: Portal, query: string, limit: number): Promise<DrugSearchResult> {
  return { query, hits: await searchDrugs(portal.search, query, limit) };
}
