import { type CsvError, parse } from 'csv-parse/sync';
import { type ImportProblem, type LineUnit, problem } from './importProblem.ts';

export type RecordFormat = 'csv' | 'json' | 'jsonl';

/** One row of the file with its place in it, so that every later problem can point back to it. */
export interface SourceRecord {
  line: number;
  values: Record<string, unknown>;
}

export interface ReadResult {
  format: RecordFormat;
  unit: LineUnit;
  records: SourceRecord[];
  /** Rows that could not be read at all (broken quoting, bad JSON) and header or whole-file problems. */
  problems: ImportProblem[];
  /** How many rows could not be read; they are not in `records` but are rows of the file all the same. */
  unreadable: number;
}

/**
 * Each entry lists the accepted spellings of one required column, e.g. ['facility_code', 'facilityId'].
 * Only checked against a CSV header: JSON objects are checked row by row.
 */
export type RequiredColumns = readonly (readonly string[])[];

export function formatFromFileName(fileName: string, text: string): RecordFormat {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'json') return 'json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return /^\s*\{.*\}\s*\n\s*\{/.test(start) ? 'jsonl' : 'json';
  return 'csv';
}

export function readRecords(text: string, format: RecordFormat, required: RequiredColumns = []): ReadResult {
  if (format === 'csv') return { format, unit: 'line', ...readCsv(text, required) };
  if (format === 'jsonl') return { format, unit: 'line', ...readJsonLines(text) };
  return { format, unit: 'item', ...readJson(text) };
}

/** Newlines inside a record, so that a quoted multi-line cell is reported at the line where its row starts. */
function innerNewlines(raw: string | undefined): number {
  return (raw ?? '').replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
}

function readCsv(text: string, required: RequiredColumns): Omit<ReadResult, 'format' | 'unit'> {
  const problems: ImportProblem[] = [];
  let header: string[] | undefined;
  // csv-parse miscounts lines when CRLF occurs inside quotes; Excel writes CRLF, so normalise first.
  const rows = parse(text.replace(/\r\n?/g, '\n'), {
    columns: (names: string[]) => {
      header = names;
      return names;
    },
    bom: true,
    trim: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    // Excel leaves rows of bare commas below the data once cells have been cleared.
    skip_records_with_empty_values: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      const lines = (err as { lines?: number } | undefined)?.lines ?? 0;
      problems.push(problem(Math.max(1, lines - innerNewlines(raw)), '', `无法读取此行：${csvErrorText(err)}`));
      return undefined;
    },
  }) as unknown as { record: Record<string, string>; info: { lines: number }; raw?: string }[];

  if (!header) return { records: [], problems: [problem(0, '', '文件为空，没有表头行')], unreadable: 0 };
  const present = new Set(header);
  const missing = required.filter((names) => !names.some((n) => present.has(n)));
  if (missing.length > 0) {
    const header0 = header.join(', ') || '（空）';
    const list = missing.map((names) => names.join(' 或 ')).join('、');
    return { records: [], problems: [problem(1, '', `表头缺少必填列 ${list}（现有列：${header0}）`)], unreadable: 0 };
  }
  const records = rows.map((r) => ({ line: r.info.lines - innerNewlines(r.raw), values: r.record }));
  return { records, problems, unreadable: problems.length };
}

function csvErrorText(err: CsvError | undefined): string {
  if (err?.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') return '列数与表头不一致（可能有多余的逗号，含逗号的内容请加英文双引号）';
  if (err?.code === 'CSV_QUOTE_NOT_CLOSED') return '引号没有闭合';
  return err?.message ?? '格式错误';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(text: string): Omit<ReadResult, 'format' | 'unit'> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { records: [], problems: [problem(0, '', `不是有效的 JSON（${(error as Error).message}）`)], unreadable: 0 };
  }
  const items = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.reports) ? data.reports : undefined;
  if (!items) return { records: [], problems: [problem(0, '', '应为对象数组，或 { "reports": [...] }')], unreadable: 0 };
  const records: SourceRecord[] = [];
  const problems: ImportProblem[] = [];
  items.forEach((item: unknown, index: number) => {
    if (isPlainObject(item)) records.push({ line: index + 1, values: item });
    else problems.push(problem(index + 1, '', '应为一个对象 {…}'));
  });
  return { records, problems, unreadable: problems.length };
}

function readJsonLines(text: string): Omit<ReadResult, 'format' | 'unit'> {
  const records: SourceRecord[] = [];
  const problems: ImportProblem[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      const value: unknown = JSON.parse(raw);
      if (isPlainObject(value)) records.push({ line: index + 1, values: value });
      else problems.push(problem(index + 1, '', '应为一个对象 {…}'));
    } catch (error) {
      problems.push(problem(index + 1, '', `不是有效的 JSON（${(error as Error).message}）`));
    }
  });
  return { records, problems, unreadable: problems.length };
}
