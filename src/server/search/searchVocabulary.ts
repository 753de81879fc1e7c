import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDrugNeeds } from '../../domain/search/drugNeeds.ts';
import type { SearchVocabulary } from '../../domain/search/searchTerms.ts';
import { parseSimplifiedTable } from '../../domain/search/simplifiedChinese.ts';

export const SEARCH_VOCABULARY_FILES = {
  simplified: 'traditional-simplified.csv',
  needs: 'drug-needs.csv',
} as const;

export function loadSearchVocabulary(dataDir: string): SearchVocabulary {
  const read = (name: string) => readFileSync(join(dataDir, name), 'utf8');
  return {
    simplified: parseSimplifiedTable(read(SEARCH_VOCABULARY_FILES.simplified)),
    needs: parseDrugNeeds(read(SEARCH_VOCABULARY_FILES.needs)),
  };
}

let loaded: SearchVocabulary | undefined;

/**
 * Read once per process from the repository's data/ (the folder bootstrap's sourceDataDir names; importing
 * that module here would be circular through reindex → drugIndex).
 */
export function searchVocabulary(): SearchVocabulary {
  loaded ??= loadSearchVocabulary(join(process.cwd(), 'data'));
  return loaded;
}
