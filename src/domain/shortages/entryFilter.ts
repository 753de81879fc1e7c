import { z } from 'zod';
import { normaliseName } from './drugMatcher.ts';
import { listKeyParam } from './listMeta.ts';

/** An entry of a list in force, joined with its catalogue variety when it was matched to one. */
export interface ShortageEntryView {
  listKey: string;
  rowNumber: number;
  drugId: string | null;
  /** The catalogue's generic name; null for rows kept unmatched, which show the name as the list wrote it. */
  genericName: string | null;
  category: string | null;
  drugForms: string[];
  pinyinFull: string | null;
  pinyinInitials: string | null;
  aliases: string[];
  rawName: string;
  rawForm: string | null;
  rawSpec: string | null;
  note: string | null;
}

/** The GET form of /shortages; every field optional so that a bare URL shows everything for the default region. */
export const shortageFilter = z.object({
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '地区代码格式不正确').optional(),
  list: listKeyParam.optional(),
  category: z.string().trim().max(100).optional(),
  form: z.string().trim().max(50).optional(),
  q: z.string().trim().max(50, '关键词不能超过 50 个字').optional(),
});
export type ShortageFilter = z.infer<typeof shortageFilter>;

/** 片剂（盐酸盐） and （琥珀酸乙酯）片剂 are both 片剂 to someone filtering by dosage form. */
export function baseForm(form: string): string {
  return form.replace(/[（(][^）)]*[）)]/g, '').trim();
}

/** The form the list itself names, or, when it names none, every form the catalogue lists for the variety. */
export function entryForms(entry: Pick<ShortageEntryView, 'rawForm' | 'drugForms'>): string[] {
  const forms = entry.rawForm ? [entry.rawForm] : entry.drugForms;
  return [...new Set(forms.map(baseForm).filter((f) => f !== ''))];
}

function matchesText(entry: ShortageEntryView, q: string): boolean {
  const needle = normaliseName(q);
  if (needle === '') return true;
  const names = [entry.rawName, entry.genericName ?? '', ...entry.aliases].map(normaliseName);
  if (names.some((n) => n.includes(needle))) return true;
  // Pinyin only for Latin input: 阿 must not match every name whose pinyin contains "a".
  return /^[a-z0-9]+$/.test(needle) && [entry.pinyinFull, entry.pinyinInitials].some((p) => p?.startsWith(needle));
}

export function filterEntries(entries: readonly ShortageEntryView[], filter: ShortageFilter): ShortageEntryView[] {
  return entries.filter(
    (e) =>
      (!filter.list || e.listKey === filter.list) &&
      (!filter.category || e.category === filter.category) &&
      (!filter.form || entryForms(e).includes(filter.form)) &&
      (!filter.q || matchesText(e, filter.q)),
  );
}

/** Choices for the filter selects, from what the lists actually contain, in a stable order. */
export function filterChoices(entries: readonly ShortageEntryView[]): { categories: string[]; forms: string[] } {
  const categories = new Set<string>();
  const forms = new Set<string>();
  for (const e of entries) {
    if (e.category) categories.add(e.category);
    for (const f of entryForms(e)) forms.add(f);
  }
  const zh = new Intl.Collator('zh-CN');
  return { categories: [...categories].sort(zh.compare), forms: [...forms].sort(zh.compare) };
}
