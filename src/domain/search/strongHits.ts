/**
 * Which scored hits count as matches. Meilisearch always returns something (one shared character, a typo, a
 * pinyin neighbour), so an unknown word would otherwise get unrelated drugs. A hit must reach an absolute floor
 * and stay within a share of the best hit's score: 双胍 keeps 二甲双胍 (0.89) and drops 双氯芬酸钠 (0.42), while
 * a typo whose only hit scores 0.35 (ibuprofin) is still shown. Values measured on the relevance set.
 */
export const MATCH_FLOOR = 0.3;
export const MATCH_SHARE_OF_BEST = 0.6;

export function strongHits<T extends { score: number }>(hits: readonly T[], floor = MATCH_FLOOR, share = MATCH_SHARE_OF_BEST): T[] {
  const best = Math.max(0, ...hits.map((h) => h.score));
  const bar = Math.max(floor, best * share);
  return hits.filter((h) => h.score >= bar);
}
