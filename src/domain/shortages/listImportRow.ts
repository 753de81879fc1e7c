import { z } from 'zod';
import { cleanText } from '../text/cleanText.ts';
import { type ImportProblem, type LineUnit, placeName, problem, quoted, warning } from '../imports/importProblem.ts';
import type { SourceRecord } from '../imports/readRecords.ts';

/**
 * Accepted spellings of each column or JSON key. Official lists are published as Chinese tables, so the Chinese
 * header comes first and names the column in messages; the English keys are what the JSON export writes.
 */
export const listImportColumns = {
  rowNumber: ['序号', 'row'],
  name: ['通用名', 'name', '药品名称', '品种名称'],
  form: ['剂型', 'form'],
  spec: ['规格', 'spec'],
  note: ['备注', 'note'],
} as const;
type Key = keyof typeof listImportColumns;

export const requiredListColumns = [listImportColumns.name];

/** One row of a list file as the issuer wrote it; `line` points back into the file for every later message. */
export interface ListImportRow {
  line: number;
  rowNumber: number | null;
  name: string;
  form: string | null;
  spec: string | null;
  note: string | null;
}

/** Blank cells and JSON nulls mean "not given": Excel cannot tell an empty cell from an empty string. */
function given(raw: unknown): unknown {
  return raw === null || (typeof raw === 'string' && raw.trim() === '') ? undefined : raw;
}

function cellText(max: number, required: boolean) {
  return z.unknown().transform((raw, ctx): string | null => {
    const value = given(raw);
    if (value === undefined) {
      if (required) ctx.issues.push({ code: 'custom', message: '必填，不能为空', input: raw });
      return null;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      ctx.issues.push({ code: 'custom', message: `应为文本（收到 ${quoted(value)}）`, input: raw });
      return null;
    }
    // Full-width spaces and line breaks inside an Excel cell are layout, not part of the name.
    const text = cleanText(String(value).replace(/[\s\u3000]+/g, ' ')).trim();
    if (text.length > max) ctx.issues.push({ code: 'custom', message: `不能超过 ${max} 个字（收到 ${quoted(text)}）`, input: raw });
    return text;
  });
}

export const listImportRowSchema = z.object({
  rowNumber: z.unknown().transform((raw, ctx): number | null => {
    const value = given(raw);
    if (value === undefined) return null;
    const text = String(value).trim();
    if (/^\d{1,6}$/.test(text) && Number(text) > 0) return Number(text);
    ctx.issues.push({ code: 'custom', message: `应为正整数（收到 ${quoted(value)}）`, input: raw });
    return null;
  }),
  name: cellText(100, true),
  form: cellText(100, false),
  spec: cellText(200, false),
  note: cellText(500, false),
});

/** Picks each field from whichever accepted spelling the row uses and remembers that spelling for messages. */
function keyed(values: Record<string, unknown>): { input: Record<Key, unknown>; names: Record<Key, string> } {
  const input = {} as Record<Key, unknown>;
  const names = {} as Record<Key, string>;
  for (const [key, spellings] of Object.entries(listImportColumns) as [Key, readonly string[]][]) {
    const name = spellings.find((s) => given(values[s]) !== undefined) ?? spellings.find((s) => s in values) ?? spellings[0] ?? key;
    names[key] = name;
    input[key] = values[name];
  }
  return { input, names };
}

export interface ParsedListRows {
  rows: ListImportRow[];
  problems: ImportProblem[];
  /** Rows with at least one error; a list is loaded whole or not at all, so any makes the file rejected. */
  rejected: number;
}

/**
 * Validates rows one at a time, in file order, so that a caller can give other work a turn between slices of a long
 * file; repeated 序号 or repeated rows are warned about, never silently merged.
 */
export function listRowParser(unit: LineUnit = 'line') {
  const rows: ListImportRow[] = [];
  const problems: ImportProblem[] = [];
  const seenNumbers = new Map<number, number>();
  const seenRows = new Map<string, number>();
  let rejected = 0;
  let seen = 0;
  return {
    add(record: SourceRecord): void {
      seen += 1;
      const { input, names } = keyed(record.values);
      const result = listImportRowSchema.safeParse(input);
      if (!result.success) {
        rejected += 1;
        for (const issue of result.error.issues) problems.push(problem(record.line, names[issue.path[0] as Key] ?? '', issue.message));
        return;
      }
      const row: ListImportRow = { line: record.line, ...result.data, name: result.data.name ?? '' };
      if (row.rowNumber !== null) {
        const earlier = seenNumbers.get(row.rowNumber);
        if (earlier !== undefined) problems.push(warning(row.line, names.rowNumber, `序号 ${row.rowNumber} 与${placeName(earlier, unit)}重复`));
        else seenNumbers.set(row.rowNumber, row.line);
      }
      const identity = [row.name, row.form ?? '', row.spec ?? ''].join('\u0000');
      const same = seenRows.get(identity);
      if (same !== undefined) problems.push(warning(row.line, names.name, `与${placeName(same, unit)}的通用名、剂型和规格相同，两行都会保留`));
      else seenRows.set(identity, row.line);
      rows.push(row);
    },
    result(): ParsedListRows {
      return { rows, problems: seen === 0 ? [...problems, problem(0, '', '文件中没有数据行')] : problems, rejected };
    },
  };
}

/** Validates every row of a file at once (see listRowParser). */
export function parseListRows(records: SourceRecord[], unit: LineUnit = 'line'): ParsedListRows {
  const parser = listRowParser(unit);
  for (const record of records) parser.add(record);
  return parser.result();
}
