import { articleKind } from '../../../domain/publishing/article.ts';
import { z } from 'zod';
import { drugFlags, procurementPrice } from '../../../domain/drugs/drugFlags.ts';
import { drugAlias, drugForm, drugKind } from '../../../domain/drugs/drugVariety.ts';

/** One drug variety as search lists it (GET /api/search). */
export const drugHit = z.strictObject({
  id: z.string().meta({ examples: ['W078'] }),
  name: z.string().meta({ description: '通用名 / generic name', examples: ['布洛芬'] }),
  englishName: z.string().nullable(),
  kind: drugKind,
  category: z.string(),
  subcategory: z.string().nullable(),
  brandNames: z.array(z.string()),
  otherNames: z.array(z.string()),
  pinyinFull: z.string(),
  pinyinInitials: z.string(),
  forms: z.array(z.string()),
  flagCodes: z.array(z.string()),
  flags: drugFlags.strict(),
});

const articleHit = z.strictObject({
  kind: articleKind,
  kindLabel: z.string(),
  articleId: z.number().int(),
  title: z.string(),
  summary: z.string(),
  issuer: z.string(),
  categoryLabel: z.string().nullable(),
  url: z.string(),
  publishedAt: z.string(),
});

export const searchResponse = z.strictObject({
  query: z.string(),
  hits: z.array(drugHit),
  byUse: z
    .strictObject({
      need: z.string(),
      classes: z.array(z.strictObject({ category: z.string(), subcategory: z.string().nullable() })),
      hits: z.array(drugHit),
    })
    .nullable()
    .meta({ description: '按用途（退烧药、降压药）/ drugs for a need' }),
  nearSpellings: z.array(z.string()),
  articles: z.array(articleHit),
});

export const drugDetailResponse = z.strictObject({
  id: z.string(),
  name: z.string(),
  englishName: z.string().nullable(),
  kind: drugKind,
  category: z.string(),
  subcategory: z.string().nullable(),
  therapeuticGroup: z.string().nullable(),
  forms: z.array(drugForm.strict()),
  formsText: z.string(),
  aliases: z.array(drugAlias.strict()),
  pinyin: z.strictObject({ full: z.string(), initials: z.string() }),
  flags: drugFlags.strict(),
  prices: z.array(procurementPrice.extend({ price: z.number().meta({ description: '元 / yuan' }) }).strict()),
  substitutes: z.array(z.strictObject({ id: z.string(), genericName: z.string(), reason: z.string() })),
  source: z.strictObject({ emlNumber: z.number().int().nullable(), note: z.string().nullable() }),
});
