import { z } from 'zod';
import { cleanString } from '../text/cleanText.ts';

const hanCharacter = /\p{Script=Han}/u;

/** Citizens paste names from prescriptions and chats: full-width letters, stray spaces and punctuation. */
export function normaliseQuery(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function containsHan(text: string): boolean {
  return hanCharacter.test(text);
}

export const searchRequest = z.object({
  q: cleanString(z.string().trim().min(1, '请输入药品名称 / Enter a drug name').max(60, '查询过长（最多 60 个字符）/ Query too long')),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchRequest = z.infer<typeof searchRequest>;

interface RankableHit {
  name: string;
  aliases: string[];
  pinyinFull: string;
  pinyinInitials: string;
}

/**
 * Whatever the index's relevance says, a citizen who typed the exact generic name (or an exact brand,
 * pinyin or initials) expects that drug first; stable otherwise.
 */
export function rankExactFirst<T extends RankableHit>(hits: T[], query: string): T[] {
  const q = normaliseQuery(query).replace(/ /g, '');
  const score = (hit: T): number => {
    if (hit.name.toLowerCase() === q) return 0;
    if (hit.aliases.some((a) => a.toLowerCase() === q)) return 1;
    if (hit.pinyinFull === q || hit.pinyinInitials === q) return 2;
    return 3;
  };
  return hits
    .map((hit, index) => ({ hit, index, score: score(hit) }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.hit);
}
