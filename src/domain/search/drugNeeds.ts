import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/**
 * data/drug-needs.csv: words people use for what they need (退烧, 降压, 拉肚子) and the catalogue classes
 * that answer them. A class is the list's own 一级分类, optionally narrowed to one 二级分类.
 */
export const drugNeedRow = z.object({
  need: z.string().min(1),
  category: z.string().min(1),
  subcategory: z.string().transform((s) => s || null),
  note: z.string().optional(),
});
export type DrugNeedRow = z.infer<typeof drugNeedRow>;

export interface DrugClass {
  category: string;
  subcategory: string | null;
}

export interface DrugNeed {
  need: string;
  classes: DrugClass[];
}

export function parseDrugNeeds(csvText: string): DrugNeedRow[] {
  return (parse(csvText, { columns: true, skip_empty_lines: true, trim: true }) as unknown[]).map((r, i) => {
    const parsed = drugNeedRow.safeParse(r);
    if (!parsed.success) throw new Error(`drug-needs.csv 第 ${i + 2} 行：${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

/**
 * The need named in a query, longest word first, so that 高血压 wins over a shorter word inside it and
 * “高血压吃什么药” still finds it. Only Chinese words are matched; a query naming no need gives null.
 */
export function needInQuery(query: string, rows: readonly DrugNeedRow[]): DrugNeed | null {
  const words = [...new Set(rows.map((r) => r.need))].sort((a, b) => b.length - a.length);
  const need = words.find((w) => query.includes(w));
  if (!need) return null;
  return { need, classes: rows.filter((r) => r.need === need).map((r) => ({ category: r.category, subcategory: r.subcategory })) };
}

/** （四）抗高血压药 → 抗高血压药: the class as a reader names it, without the list's numbering. */
export function drugClassLabel(drugClass: DrugClass): string {
  return (drugClass.subcategory ?? drugClass.category).replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, '');
}
