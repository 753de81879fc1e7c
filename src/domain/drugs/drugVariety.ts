import { z } from 'zod';

/** One dosage form of a variety with the strengths listed for it, e.g. 片剂: 0.1g, 0.2g. */
export const drugForm = z.object({
  form: z.string().min(1),
  strengths: z.array(z.string()),
});
export type DrugForm = z.infer<typeof drugForm>;

/** Where an alias comes from matters: brand names from the originator list must carry its CC-BY-SA attribution. */
export const drugAliasKind = z.enum(['brand', 'common', 'english', 'former']);
export const drugAlias = z.object({
  name: z.string().min(1),
  kind: drugAliasKind,
  source: z.string().min(1),
});
export type DrugAlias = z.infer<typeof drugAlias>;

/** 西药 (chemical and biological products) or 中成药 (Chinese patent medicines). */
export const drugKind = z.enum(['chemical', 'tcm']);
export type DrugKind = z.infer<typeof drugKind>;

/**
 * A drug variety (品种) of the catalogue: the unit citizens search for and facilities report stock on.
 * Ids are the EML code suffix ("W078" for 布洛芬, "T001" for 九味羌活丸) so that URLs stay stable across imports;
 * varieties outside the essential medicines list get "X" ids.
 */
export const drugVariety = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9-]{1,40}$/),
  emlNumber: z.number().int().positive().nullable(),
  kind: drugKind,
  genericName: z.string().min(1),
  englishName: z.string().nullable(),
  /** 一级分类 of the primary listing, e.g. 四、镇痛、解热、抗炎、抗风湿、抗痛风药 */
  category: z.string(),
  /** 二级分类, e.g. （二）解热镇痛、抗炎、抗风湿药 */
  subcategory: z.string().nullable(),
  /** 功能主治/亚类 for Chinese patent medicines, e.g. 辛温解表 */
  therapeuticGroup: z.string().nullable(),
  /** Other categories the list cross-lists the variety in (rows numbered *（n）). */
  alsoListedIn: z.array(z.object({ category: z.string(), subcategory: z.string().nullable() })),
  forms: z.array(drugForm),
  /** The repaired 收录剂型与规格 text, kept whole because parsing it into forms can lose nuance. */
  formsText: z.string(),
  /** △: use under specialist guidance */
  specialistOnly: z.boolean(),
  notes: z.string().nullable(),
  isEssential: z.boolean(),
  pinyinFull: z.string(),
  pinyinInitials: z.string(),
  aliases: z.array(drugAlias),
});
export type DrugVariety = z.infer<typeof drugVariety>;
