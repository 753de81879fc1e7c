import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The traditional→simplified bundle only (about 110 kB, not the 1.2 MB full one); server side, never shipped to a browser.
import { Converter } from 'opencc-js/t2cn';
import { parseDrugNeeds } from '../../domain/search/drugNeeds.ts';
import type { SearchVocabulary } from '../../domain/search/searchTerms.ts';
import type { TraditionalToSimplified } from '../../domain/search/simplifiedChinese.ts';

export const SEARCH_VOCABULARY_FILES = {
  needs: 'drug-needs.csv',
} as const;

let converter: TraditionalToSimplified | undefined;

/**
 * OpenCC's Taiwan → mainland conversion (character variants, then traditional → simplified characters and
 * phrases). Built on first use: about 170 ms and 2.5 MB of heap, once per process.
 */
export function traditionalToSimplified(text: string): string {
  converter ??= Converter({ from: 'tw', to: 'cn' });
  return converter(text);
}

export function loadSearchVocabulary(dataDir: string): SearchVocabulary {
  return {
    simplified: traditionalToSimplified,
    needs: parseDrugNeeds(readFileSync(join(dataDir, SEARCH_VOCABULARY_FILES.needs), 'utf8')),
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
