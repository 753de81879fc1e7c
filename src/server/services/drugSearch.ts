import type { DrugClass } from '../../domain/search/drugNeeds.ts';
import { searchTerms } from '../../domain/search/searchTerms.ts';
import { strongHits } from '../../domain/search/strongHits.ts';
import type { Portal } from '../portal.ts';
import { type ArticleHit, searchArticles } from '../search/articleIndex.ts';
import { type DrugHit, scoredDrugHits } from '../search/drugIndex.ts';
import { drugsOfClasses } from '../search/drugUseSearch.ts';
import { searchVocabulary } from '../search/searchVocabulary.ts';

/** Weak hits shown as “相近的名称” when nothing matches: a hint to check the spelling, never a result. */
const NEAR_SPELLING_FLOOR = 0.2;

export interface DrugSearchResult {
  query: string;
  /** Drugs whose name, brand, pinyin or English name matches, best first. */
  hits: DrugHit[];
  /** When the query names a need (退烧, 降压): the catalogue classes for it and their drugs not already in hits. */
  byUse: { need: string; classes: DrugClass[]; hits: DrugHit[] } | null;
  /** Names close to the query when nothing matched (empty otherwise). */
  nearSpellings: string[];
  /** Published clarifications and notices matching the query, shown beside the drugs. */
  articles: ArticleHit[];
}

export async function drugSearch(portal: Portal, query: string, limit: number): Promise<DrugSearchResult> {
  const { need } = searchTerms(query, searchVocabulary());
  const [scored, articles, ofClasses] = await Promise.all([
    scoredDrugHits(portal.search, query, limit),
    searchArticles(portal.search, query, 5),
    need ? drugsOfClasses(portal.search, need.classes, limit) : Promise.resolve([]),
  ]);
  const hits = strongHits(scored).map((h) => h.hit);
  const shown = new Set(hits.map((h) => h.id));
  const byUse = need ? { need: need.need, classes: need.classes, hits: ofClasses.filter((h) => !shown.has(h.id)) } : null;
  const nearSpellings =
    hits.length === 0 && !byUse?.hits.length ? scored.filter((h) => h.score >= NEAR_SPELLING_FLOOR).slice(0, 3).map((h) => h.hit.name) : [];
  return { query, hits, byUse, nearSpellings, articles };
}
