import { drugNameCore } from './drugNameCore.ts';

/**
 * Meilisearch matches the beginnings of words only, and treats a Chinese drug name as one or two words, so 沙坦
 * would never find 氯沙坦. Indexing every suffix of the name (沙坦 of 氯沙坦, 双胍 and 甲双胍 of 二甲双胍) turns any
 * part of a name into the beginning of an indexed word. Suffixes start at two characters, because one character
 * (坦, 平) matches far too much; the core of the name is used, so that 胶囊 of a TCM name is not indexed.
 */
export function nameSuffixes(genericName: string): string[] {
  const chars = [...drugNameCore(genericName).replace(/[(（][^)）]*[)）]/g, '')];
  const suffixes: string[] = [];
  for (let i = 1; i <= chars.length - 2; i++) suffixes.push(chars.slice(i).join(''));
  return suffixes;
}
