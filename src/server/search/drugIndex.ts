import type { DrugFlags } from '../../domain/drugs/drugFlags.ts';
import { flagCodes } from '../../domain/drugs/drugFlags.ts';
import { drugPinyin } from '../../domain/drugs/drugPinyin.ts';
import { nameSuffixes } from '../../domain/search/nameSuffixes.ts';
import { containsHan, rankExactFirst } from '../../domain/search/searchQuery.ts';
import { searchTerms } from '../../domain/search/searchTerms.ts';
import { strongHits } from '../../domain/search/strongHits.ts';
import type { DrugRecord } from '../store/drugStore.ts';
import { ensureIndex, type SearchConnection, settled } from './meiliClient.ts';
import { searchVocabulary } from './searchVocabulary.ts';
import { whenSearchAnswers } from './searchCall.ts';

/** What the drugs index holds: everything a result list shows, so a search needs no store round trip. */
export interface DrugDocument {
  id: string;
  name: string;
  /** Suffixes of the name (沙坦 of 氯沙坦), so that a part from the middle or end finds it. */
  nameSuffixes: string[];
  englishName: string | null;
  kind: DrugRecord['kind'];
  category: string;
  subcategory: string | null;
  brandNames: string[];
  otherNames: string[];
  aliasPinyin: string[];
  pinyinFull: string;
  pinyinInitials: string;
  forms: string[];
  flagCodes: string[];
  flags: DrugFlags;
}

export function drugDocument(drug: DrugRecord): DrugDocument {
  const aliasNames = drug.aliases.map((a) => a.name);
  const aliasPinyin = drug.aliases.filter((a) => containsHan(a.name)).flatMap((a) => {
    const p = drugPinyin(a.name);
    return [p.full, p.initials];
  });
  return {
    id: drug.id,
    name: drug.genericName,
    nameSuffixes: nameSuffixes(drug.genericName),
    englishName: drug.englishName,
    kind: drug.kind,
    category: drug.category,
    subcategory: drug.subcategory,
    brandNames: drug.aliases.filter((a) => a.kind === 'brand').map((a) => a.name),
    otherNames: aliasNames.filter((n) => !drug.aliases.some((a) => a.kind === 'brand' && a.name === n)),
    aliasPinyin: [...new Set(aliasPinyin)],
    pinyinFull: drug.pinyinFull,
    pinyinInitials: drug.pinyinInitials,
    forms: [...new Set(drug.forms.map((f) => f.form))],
    flagCodes: flagCodes(drug.flags),
    flags: drug.flags,
  };
}

/**
 * Attribute order is the ranking among fields: the generic name beats a brand, which beats pinyin.
 * Pinyin is stored, not computed by Meilisearch, because its tokenizer does not romanise Chinese.
 */
export const drugIndexSettings = {
  searchableAttributes: ['name', 'nameSuffixes', 'brandNames', 'otherNames', 'pinyinInitials', 'pinyinFull', 'aliasPinyin', 'englishName', 'category', 'subcategory'],
  filterableAttributes: ['flagCodes', 'kind', 'forms', 'category', 'subcategory'],
  sortableAttributes: ['name'],
  rankingRules: ['words', 'typo', 'exactness', 'attribute', 'proximity', 'sort'],
  typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnAttributes: ['pinyinInitials', 'nameSuffixes'] },
  pagination: { maxTotalHits: 1000 },
};

export async function configureDrugIndex(search: SearchConnection, indexUid = search.indexName('drugs')): Promise<void> {
  await ensureIndex(search, indexUid);
  await settled(search.client.index(indexUid).updateSettings(drugIndexSettings));
}

export async function indexDrugs(search: SearchConnection, drugs: DrugRecord[], indexUid = search.indexName('drugs')): Promise<void> {
  const index = search.client.index<DrugDocument>(indexUid);
  for (let i = 0; i < drugs.length; i += 1000) {
    await settled(index.addDocuments(drugs.slice(i, i + 1000).map(drugDocument), { primaryKey: 'id' }));
  }
}

export type DrugHit = Omit<DrugDocument, 'aliasPinyin' | 'otherNames' | 'nameSuffixes'> & { otherNames: string[] };

export interface ScoredDrugHit {
  hit: DrugHit;
  score: number;
}

/**
 * Every hit with its score, best first. Searches by what was typed, by its name core (盐酸二甲双胍片 → 二甲双胍),
 * and, for Chinese input, by its pinyin too: most Chinese typos are homophones from the input method
 * (阿莫西临 for 阿莫西林), which only the pinyin route finds.
 */
export async function scoredDrugHits(search: SearchConnection, rawQuery: string, limit: number): Promise<ScoredDrugHit[]> {
  const terms = searchTerms(rawQuery, searchVocabulary());
  const q = terms.text;
  if (!q) return [];
  const indexUid = search.indexName('drugs');
  const queries: { indexUid: string; q: string; attributesToSearchOn?: string[]; federationOptions: { weight: number } }[] = [
    { indexUid, q, federationOptions: { weight: 1 } },
  ];
  for (const variant of new Set([terms.withoutForm, terms.core])) {
    if (variant) queries.push({ indexUid, q: variant, federationOptions: { weight: 1 } });
  }
  const compact = q.replace(/ /g, '');
  if (containsHan(q)) {
    queries.push({ indexUid, q: drugPinyin(terms.core ?? compact).full, attributesToSearchOn: ['pinyinFull', 'aliasPinyin'], federationOptions: { weight: 0.8 } });
  } else if (compact !== q) {
    // "bu luo fen" typed with spaces is the same as "buluofen".
    queries.push({ indexUid, q: compact, attributesToSearchOn: ['pinyinFull', 'pinyinInitials', 'aliasPinyin'], federationOptions: { weight: 0.95 } });
  }
  const response = await whenSearchAnswers((init) =>
    search.client.multiSearch<{ federation: { limit: number }; queries: typeof queries }, DrugDocument>({ federation: { limit: Math.max(limit, 20) }, queries }, init),
  );
  const scored = response.hits.map(({ aliasPinyin: _p, nameSuffixes: _s, _federation, ...hit }) => ({
    hit: hit as DrugHit,
    score: (_federation as { weightedRankingScore?: number } | undefined)?.weightedRankingScore ?? 0,
    aliases: [...hit.brandNames, ...hit.otherNames],
    name: hit.name,
    pinyinFull: hit.pinyinFull,
    pinyinInitials: hit.pinyinInitials,
  }));
  // Exact on what was typed first (硝酸异山梨酯 is a name, not a salt), then without the form, then the core.
  const byCore = terms.core ? rankExactFirst(scored, terms.core) : scored;
  return rankExactFirst(terms.withoutForm ? rankExactFirst(byCore, terms.withoutForm) : byCore, compact)
    .slice(0, limit)
    .map(({ hit, score }) => ({ hit, score }));
}

/** Drugs that match the query well; weak, unrelated hits are left out, so that an unknown word finds nothing. */
export async function searchDrugs(search: SearchConnection, rawQuery: string, limit: number): Promise<DrugHit[]> {
  return strongHits(await scoredDrugHits(search, rawQuery, limit)).map((h) => h.hit);
}
