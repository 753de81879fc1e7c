/**
 * Turns traditional characters (and Hong Kong / Taiwan variants) into simplified ones. On the server this is
 * opencc-js (src/server/search/searchVocabulary.ts); tests may pass any function.
 */
export type TraditionalToSimplified = (text: string) => string;

/**
 * Characters the 2026 list itself writes that OpenCC counts as traditional: 噁 of 复方磺胺甲噁唑 is the list's
 * simplified spelling, and 恶 would not find it. tests/server/search/searchVocabulary.test.ts checks that the
 * converter changes nothing else in the catalogue, the aliases or the need words.
 */
const KEPT_AS_WRITTEN = /([噁])/;

/** 鹽酸二甲雙胍 → 盐酸二甲双胍: readers from Hong Kong, Macao and Taiwan, and phones set to traditional input. */
export function toSimplified(text: string, convert: TraditionalToSimplified): string {
  // split with a capturing group puts the kept characters at the odd positions
  return text
    .split(KEPT_AS_WRITTEN)
    .map((part, i) => (i % 2 === 1 ? part : convert(part)))
    .join('');
}
