import { z } from 'zod';
import { cleanText } from '../text/cleanText.ts';
import { type ImportProblem, type LineUnit, placeName, problem, quoted, warning } from '../imports/importProblem.ts';
import type { SourceRecord } from '../imports/readRecords.ts';
import type { StockReport, StockStatus } from './stockStatus.ts';

/** Accepted spellings of each column or JSON key; the first is the documented one and names it in messages. */
export const stockImportColumns = {
  facilityId: ['facility_code', 'facilityId'],
  drugId: ['drug'],
  status: ['status'],
  quantity: ['quantity'],
  priceFen: ['price'],
  priceUnit: ['price_unit', 'priceUnit'],
  dosageForm: ['dosage_form', 'dosageForm'],
  strength: ['strength'],
  reportedAt: ['reported_at', 'reportedAt'],
} as const satisfies Record<keyof StockReport, readonly string[]>;
type Key = keyof typeof stockImportColumns;

export const requiredStockColumns = [
  stockImportColumns.facilityId, stockImportColumns.drugId, stockImportColumns.status, stockImportColumns.reportedAt,
];

export interface StockRowLookups {
  facilityExists(id: string): boolean;
  /** Drug id for an id such as W078 or an exact generic name; undefined when unknown or ambiguous. */
  resolveDrug(value: string): string | undefined;
  now: Date;
}

const statusByText = new Map<string, StockStatus>([
  ['有货', 'in_stock'], ['紧张', 'low'], ['缺货', 'out'], ['in_stock', 'in_stock'], ['low', 'low'], ['out', 'out'],
]);
const maxPriceYuan = 100_000;
/** Phones and Excel disagree with the server clock by a few minutes; more than that is a wrong date. */
const futureToleranceMs = 10 * 60_000;
/** A fixed +08:00 is exact: China has had no daylight saving time since 1991, and earlier dates are rejected. */
const shanghaiOffsetMinutes = 8 * 60;
const timeHint = '应为 2026-11-24 09:30（北京时间）或带时区的 ISO 8601 时间，如 2026-11-24T09:30:00+08:00';

export type Parsed<T> = { value: T } | { error: string };

/** Blank cells and JSON nulls mean "not given": Excel cannot tell an empty cell from an empty string. */
export function given(raw: unknown): unknown {
  return raw === null || (typeof raw === 'string' && raw.trim() === '') ? undefined : raw;
}

export function field<T>(parse: (raw: unknown) => Parsed<T>) {
  return z.unknown().transform((raw, ctx) => {
    const result = parse(given(raw));
    if ('value' in result) return result.value;
    ctx.issues.push({ code: 'custom', message: result.error, input: raw });
    return z.NEVER;
  });
}

export function text(raw: unknown, optional: true): Parsed<string | null>;
export function text(raw: unknown, optional?: false): Parsed<string>;
export function text(raw: unknown, optional = false): Parsed<string | null> {
  if (raw === undefined) return optional ? { value: null } : { error: '必填，不能为空' };
  if (typeof raw === 'string') return { value: cleanText(raw).trim() };
  if (typeof raw === 'number') return { value: String(raw) };
  return { error: `应为文本（收到 ${quoted(raw)}）` };
}

function optionalText(raw: unknown): Parsed<string | undefined> {
  const t = text(raw, true);
  return 'error' in t ? t : { value: t.value ?? undefined };
}

function parseStatus(raw: unknown): Parsed<StockStatus> {
  const t = text(raw);
  if ('error' in t) return t;
  const status = statusByText.get(t.value.toLowerCase());
  return status ? { value: status } : { error: `应为 有货/紧张/缺货 或 in_stock/low/out（收到 ${quoted(t.value)}）` };
}

function parseQuantity(raw: unknown): Parsed<number | null> {
  const t = text(raw, true);
  if ('error' in t) return t;
  if (t.value === null) return { value: null };
  const ok = /^\d+$/.test(t.value) && Number.isSafeInteger(Number(t.value));
  return ok ? { value: Number(t.value) } : { error: `应为不小于 0 的整数（收到 ${quoted(raw)}）` };
}

/** Yuan text to fen by string arithmetic, so 19.99 becomes 1999 and never 1998.9999. */
export function parsePriceFen(raw: unknown): Parsed<number | null> {
  const t = text(raw, true);
  if ('error' in t) return t;
  if (t.value === null) return { value: null };
  if (/^-\s*\d/.test(t.value)) return { error: `不能为负数（收到 ${quoted(raw)}）` };
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t.value);
  if (!match?.[1]) {
    const tooPrecise = /^\d+\.\d{3,}$/.test(t.value);
    return { error: `${tooPrecise ? '最多两位小数（精确到分）' : '应为以元为单位的金额，如 12.50'}（收到 ${quoted(raw)}）` };
  }
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > maxPriceYuan * 100 ? { error: `不能超过 ${maxPriceYuan} 元（收到 ${quoted(raw)}）` } : { value: fen };
}

const timePattern = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2})?)?$/i;

/** Offset-less times are Beijing wall clock: that is what a clerk in 景德镇 types, whatever the server's zone. */
function parseReportedAt(raw: unknown, now: Date): Parsed<string> {
  const t = text(raw);
  if ('error' in t) return t;
  const m = timePattern.exec(t.value);
  if (!m) return { error: `${timeHint}（收到 ${quoted(t.value)}）` };
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { error: `日期或时刻不存在（收到 ${quoted(t.value)}）` };
  }
  const [utc, sign, offH, offM] = m.slice(8, 12);
  const offset = utc ? 0 : sign ? (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM ?? 0)) : shanghaiOffsetMinutes;
  const instant = new Date(wall.getTime() - offset * 60_000);
  if (instant.getTime() > now.getTime() + futureToleranceMs) return { error: `时间在未来，请检查日期（收到 ${quoted(t.value)}）` };
  if (instant.getTime() < Date.UTC(2000, 0, 1) - shanghaiOffsetMinutes * 60_000) {
    return { error: `早于 2000 年，请检查日期（收到 ${quoted(t.value)}）` };
  }
  return { value: instant.toISOString() };
}

/** One input row, already keyed by report field; lookups and the clock come from the caller so this stays pure. */
export function stockImportRowSchema({ facilityExists, resolveDrug, now }: StockRowLookups) {
  return z.object({
    facilityId: field((raw) => {
      const t = text(raw);
      if ('error' in t || facilityExists(t.value)) return t;
      return { error: `未知的机构编码 ${quoted(t.value)}（机构须先在机构名录中登记）` };
    }),
    drugId: field((raw) => {
      const t = text(raw);
      if ('error' in t) return t;
      const id = resolveDrug(t.value);
      return id ? { value: id } : { error: `未知的药品 ${quoted(t.value)}：应为药品编码（如 W078）或目录中的通用名（如 布洛芬）` };
    }),
    status: field(parseStatus),
    quantity: field(parseQuantity),
    priceFen: field(parsePriceFen),
    priceUnit: field((raw) => text(raw, true)),
    // 剂型 and 规格 of the priced product; left out, they read as undefined so a report without them is unchanged.
    // .optional(): a row object built without these keys (an older caller, a JSON row) is read as without them.
    dosageForm: field((raw) => optionalText(raw)).optional(),
    strength: field((raw) => optionalText(raw)).optional(),
    reportedAt: field((raw) => parseReportedAt(raw, now)),
  });
}

/** Picks each field from whichever accepted spelling the row uses and remembers that spelling for messages. */
export function keyedBy<K extends string>(
  columns: Record<K, readonly string[]>,
  values: Record<string, unknown>,
): { input: Record<K, unknown>; names: Record<K, string> } {
  const input = {} as Record<K, unknown>;
  const names = {} as Record<K, string>;
  for (const [key, spellings] of Object.entries(columns) as [K, readonly string[]][]) {
    const name = spellings.find((s) => given(values[s]) !== undefined) ?? spellings.find((s) => s in values) ?? spellings[0] ?? key;
    names[key] = name;
    input[key] = values[name];
  }
  return { input, names };
}

const keyed = (values: Record<string, unknown>) => keyedBy<Key>(stockImportColumns, values);

export interface ParsedStockRows {
  /** One report per (facility, drug): the newest row of the file for that pair. */
  reports: StockReport[];
  problems: ImportProblem[];
  /** Rows left out because of at least one error. */
  rejected: number;
}

export function parseStockRows(
  records: SourceRecord[],
  lookups: StockRowLookups & { unit?: LineUnit; onProgress?: (done: number, total: number) => void },
): ParsedStockRows {
  const schema = stockImportRowSchema(lookups);
  const kept = new Map<string, { report: StockReport; line: number }>();
  const problems: ImportProblem[] = [];
  let rejected = 0;
  records.forEach((record, index) => {
    if (index > 0 && index % 5000 === 0) lookups.onProgress?.(index, records.length);
    const { input, names } = keyed(record.values);
    const result = schema.safeParse(input);
    if (!result.success) {
      rejected += 1;
      for (const issue of result.error.issues) problems.push(problem(record.line, names[issue.path[0] as Key] ?? '', issue.message));
      return;
    }
    const report = result.data;
    const pair = `${report.facilityId}\u0000${report.drugId}`;
    const earlier = kept.get(pair);
    if (earlier) {
      const newer = report.reportedAt > earlier.report.reportedAt;
      const verdict = newer ? '本行时间较新，采用本行' : '本行时间不比它新，已忽略本行';
      problems.push(warning(record.line, names.drugId, `与${placeName(earlier.line, lookups.unit ?? 'line')}是同一机构的同一药品，${verdict}`));
      if (!newer) return;
    }
    kept.set(pair, { report, line: record.line });
  });
  lookups.onProgress?.(records.length, records.length);
  return { reports: [...kept.values()].map((k) => k.report), problems, rejected };
}
