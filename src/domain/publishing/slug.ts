import { z } from 'zod';
import { drugPinyin } from '../drugs/drugPinyin.ts';

/**
 * Permalinks are /{kind}/{yyyy}/{slug}. The slug is ASCII so that a link survives being pasted into a
 * WeChat message, an SMS or a printed notice, and lower case so that it can be read out over the phone.
 */
export const maxSlugLength = 60;

export const articleSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(maxSlugLength, `网址名称不能超过 ${maxSlugLength} 个字符`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '网址名称只能用小写字母、数字和连字符，如 ibuprofen-supply');

/** Cuts at a hyphen where possible so that a long title does not end in half a syllable. */
function clip(slug: string): string {
  if (slug.length <= maxSlugLength) return slug;
  const cut = slug.slice(0, maxSlugLength);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen >= 20 ? cut.slice(0, lastHyphen) : cut.replace(/-+$/, '');
}

/**
 * The slug staff asked for or, failing that, the pinyin of the title. Words (runs between spaces and
 * punctuation) are romanised separately and joined by hyphens: “布洛芬‘断货’说法” → buluofen-duanhuo-shuofa.
 * The drug dictionary gives drug names their usual reading (e.g. 地塞米松 rather than a polyphonic guess).
 */
export function slugFrom(input: { requested?: string | null | undefined; title: string }): string {
  const requested = articleSlug.safeParse(input.requested ?? '');
  if (input.requested && requested.success) return requested.data;
  const words = input.title
    .normalize('NFKC')
    .split(/[^\p{Script=Han}A-Za-z0-9]+/u)
    .map((word) => drugPinyin(word).full.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word.length > 0);
  const slug = clip(words.join('-'));
  // A title of only symbols still needs a working link; the year in the path keeps it from being ambiguous.
  return slug.length > 0 ? slug : 'item';
}

/**
 * The first free variant of `base` among the slugs already used in the same year: base, base-2, base-3 …
 * Called once, at publication; after that a slug never changes, so links in the press keep working.
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${clip(base).slice(0, maxSlugLength - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The year of a permalink is the publication year in China, not in UTC (a 1 January 07:00 item is that year's). */
export function permalinkYear(publishedAt: string | Date): number {
  const date = typeof publishedAt === 'string' ? new Date(publishedAt) : publishedAt;
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(date);
  return Number(year);
}
