import { z } from 'zod';
import { drugPinyin } from '../drugs/drugPinyin.ts';

/** What the matcher needs of a catalogue variety. */
export interface MatchableDrug {
  id: string;
  genericName: string;
  pinyinFull: string;
  aliases: readonly string[];
}

/** How a row found its drug, strictest first; shown on the review screen so staff know what to double-check. */
export const matchMethod = z.enum(['exact', 'alias', 'stripped', 'pinyin']);
export type MatchMethod = z.infer<typeof matchMethod>;

export const drugMatch = z.discriminatedUnion('status', [
  z.object({ status: z.literal('matched'), drugId: z.string(), method: matchMethod }),
  z.object({ status: z.literal('ambiguous'), candidates: z.array(z.string()).min(2), method: matchMethod }),
  z.object({ status: z.literal('unmatched') }),
]);
export type DrugMatch = z.infer<typeof drugMatch>;

/** NFKC folds full-width brackets and letters (（Ｂ１２）→ (B12)) so that a list typed on another machine still matches. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

// Longest first, so that 注射用无菌粉末 goes before 注射用 and 缓释片 before 片.
const formWords = [
  '注射用无菌粉末', '注射用浓溶液', '口服溶液剂', '口服溶液', '口服液', '干混悬剂', '混悬液', '注射液', '注射剂', '缓释胶囊',
  '缓释片剂', '缓释片', '肠溶胶囊', '肠溶片', '分散片', '口崩片', '咀嚼片', '泡腾片', '软胶囊', '滴丸剂', '滴丸', '颗粒剂', '颗粒',
  '胶囊剂', '胶囊', '片剂', '软膏剂', '软膏', '乳膏剂', '乳膏', '滴眼液', '滴眼剂', '眼膏', '气雾剂', '喷雾剂', '栓剂', '糖浆剂',
  '糖浆', '散剂', '丸剂', '合剂', '凝胶剂', '贴膏剂', '吸入剂', '片', '丸', '散', '栓', '膏', '液',
];
const formPrefixes = ['注射用', '吸入用'];
// Acid-salt words an official list puts before a name the catalogue lists bare (硫酸阿托品 → 阿托品).
const saltPrefixes = [
  '重酒石酸', '酒石酸', '盐酸', '甲硫酸', '硫酸', '马来酸', '枸橼酸', '甲磺酸', '磷酸', '醋酸', '氢溴酸', '富马酸', '琥珀酸', '乳酸',
  '苯磺酸', '门冬氨酸', '精氨酸', '氨丁三醇',
];
const saltSuffixes = ['钠', '钾'];

/** Strips bracketed notes, then one form word from each end (注射用…, …注射液); never down to nothing. */
export function withoutFormWords(name: string): string {
  let n = normaliseName(name).replace(/\([^)]*\)/g, '');
  const prefix = formPrefixes.find((p) => n.startsWith(p) && n.length > p.length + 1);
  if (prefix) n = n.slice(prefix.length);
  const suffix = formWords.find((w) => n.endsWith(w) && n.length > w.length + 1);
  if (suffix) n = n.slice(0, -suffix.length);
  return n;
}

/** The form-stripped name without its salt, kept at two characters or more so that 硫酸镁 does not become 镁. */
export function withoutSaltWords(name: string): string {
  let n = withoutFormWords(name);
  const prefix = saltPrefixes.find((p) => n.startsWith(p) && n.length >= p.length + 2);
  if (prefix) n = n.slice(prefix.length);
  const suffix = saltSuffixes.find((s) => n.endsWith(s) && n.length >= s.length + 2);
  if (suffix) n = n.slice(0, -suffix.length);
  return n;
}

type Lookup = Map<string, Set<string>>;

function add(map: Lookup, key: string, id: string): void {
  if (!key) return;
  const ids = map.get(key) ?? new Set<string>();
  ids.add(id);
  map.set(key, ids);
}

export type DrugMatcher = (rawName: string) => DrugMatch;

/**
 * Builds the lookups once for a whole file, one variety at a time so that a caller may pause between slices of the
 * catalogue. Each stage runs only when the stricter one before found nothing, so a looser rule never overrides an
 * exact name; a stage that finds several varieties stops there as ambiguous, because choosing between them is a
 * person's job.
 */
export function drugMatcherBuilder() {
  const lookups: Record<'name' | 'alias' | 'noForm' | 'noSalt' | 'pinyin' | 'pinyinNoForm', Lookup> = {
    name: new Map(), alias: new Map(), noForm: new Map(), noSalt: new Map(), pinyin: new Map(), pinyinNoForm: new Map(),
  };
  const addDrug = (drug: MatchableDrug): void => {
    add(lookups.name, normaliseName(drug.genericName), drug.id);
    add(lookups.pinyin, drug.pinyinFull, drug.id);
    for (const name of [drug.genericName, ...drug.aliases]) {
      if (name !== drug.genericName) add(lookups.alias, normaliseName(name), drug.id);
      add(lookups.noForm, withoutFormWords(name), drug.id);
      add(lookups.noSalt, withoutSaltWords(name), drug.id);
      add(lookups.pinyin, drugPinyin(name).full, drug.id);
      add(lookups.pinyinNoForm, drugPinyin(withoutFormWords(name)).full, drug.id);
    }
  };
  // Stripping forms and stripping salts are separate steps: 氯化钾注射液 must stop at 氯化钾 before its salt-less
  // form 氯化 also finds 氯化钠.
  const steps: [MatchMethod, Lookup, (raw: string) => string][] = [
    ['exact', lookups.name, normaliseName],
    ['alias', lookups.alias, normaliseName],
    ['stripped', lookups.noForm, withoutFormWords],
    ['stripped', lookups.noSalt, withoutSaltWords],
    ['pinyin', lookups.pinyin, (raw) => drugPinyin(raw).full],
    ['pinyin', lookups.pinyinNoForm, (raw) => drugPinyin(withoutFormWords(raw)).full],
  ];
  const match: DrugMatcher = (rawName) => {
    for (const [method, lookup, keyOf] of steps) {
      const ids = [...(lookup.get(keyOf(rawName)) ?? [])].sort();
      if (ids.length === 1) return { status: 'matched', drugId: ids[0] as string, method };
      if (ids.length > 1) return { status: 'ambiguous', candidates: ids, method };
    }
    return { status: 'unmatched' };
  };
  return { add: addDrug, matcher: (): DrugMatcher => match };
}

/** The matcher for a whole catalogue at once (see drugMatcherBuilder). */
export function drugMatcher(drugs: readonly MatchableDrug[]): DrugMatcher {
  const builder = drugMatcherBuilder();
  for (const drug of drugs) builder.add(drug);
  return builder.matcher();
}
