import { pinyin } from 'pinyin-pro';
import { DRUG_PINYIN_DICTIONARY } from './drugPinyinDictionary.ts';

export interface DrugPinyin {
  /** Toneless pinyin without spaces, ü as v (the input-method spelling): 布洛芬 → buluofen */
  full: string;
  /** First letter of each syllable: 布洛芬 → blf. Latin letters and digits are kept whole in both. */
  initials: string;
}

const HAN = /^\p{Script=Han}$/u;
const LATIN_OR_DIGIT = /^[0-9a-z]$/;
const SYLLABLE = /^[a-z]+$/;
const longestWord = Math.max(...Object.keys(DRUG_PINYIN_DICTIONARY).map((w) => [...w].length));

function toneless(reading: string): string[] {
  return reading
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/)
    .filter((s) => s.length > 0);
}

function dictionaryWordAt(chars: readonly string[], start: number): string | undefined {
  for (let length = Math.min(longestWord, chars.length - start); length > 0; length -= 1) {
    const word = chars.slice(start, start + length).join('');
    if (Object.hasOwn(DRUG_PINYIN_DICTIONARY, word)) return word;
  }
  return undefined;
}

/**
 * The dictionary is overlaid here rather than installed with pinyin-pro's customPinyin, which changes
 * a process-wide table: other code converting place or facility names must not get drug readings.
 * Runs of Chinese between dictionary words go to pinyin-pro whole, so it keeps its word context.
 */
export function drugPinyin(text: string): DrugPinyin {
  // NFKC turns full-width Ｂ１２ into B12 so they are kept like half-width ones.
  const chars = [...text.normalize('NFKC').toLowerCase()];
  const tokens: { text: string; isSyllable: boolean }[] = [];
  let run = '';
  const flushRun = () => {
    if (!run) return;
    for (const s of pinyin(run, { toneType: 'none', type: 'array', v: true })) {
      if (SYLLABLE.test(s)) tokens.push({ text: s, isSyllable: true });
    }
    run = '';
  };
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i] ?? '';
    if (HAN.test(ch)) {
      const word = dictionaryWordAt(chars, i);
      if (word === undefined) {
        run += ch;
        i += 1;
        continue;
      }
      flushRun();
      for (const s of toneless(DRUG_PINYIN_DICTIONARY[word] ?? '')) tokens.push({ text: s, isSyllable: true });
      i += [...word].length;
      continue;
    }
    flushRun();
    // Punctuation such as （）、/ and symbols like α or ∶ carry nothing a citizen would type.
    if (LATIN_OR_DIGIT.test(ch)) tokens.push({ text: ch, isSyllable: false });
    i += 1;
  }
  flushRun();
  return {
    full: tokens.map((t) => t.text).join(''),
    initials: tokens.map((t) => (t.isSyllable ? t.text.charAt(0) : t.text)).join(''),
  };
}
