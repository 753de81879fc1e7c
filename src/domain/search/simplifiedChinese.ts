import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/** Traditional character → simplified, for the characters that occur in drug names (data/traditional-simplified.csv). */
export type SimplifiedTable = ReadonlyMap<string, string>;

const row = z.object({ traditional: z.string().length(1), simplified: z.string().length(1) });

export function parseSimplifiedTable(csvText: string): SimplifiedTable {
  const rows = (parse(csvText, { columns: true, skip_empty_lines: true, trim: true }) as unknown[]).map((r, i) => {
    const parsed = row.safeParse(r);
    if (!parsed.success) throw new Error(`traditional-simplified.csv 第 ${i + 2} 行：每列须为一个汉字 / each column must be one character`);
    return parsed.data;
  });
  return new Map(rows.map((r) => [r.traditional, r.simplified]));
}

/** 鹽酸二甲雙胍 → 盐酸二甲双胍: readers from Hong Kong, Macao and Taiwan, and phones set to traditional input. */
export function toSimplified(text: string, table: SimplifiedTable): string {
  let out = '';
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}
