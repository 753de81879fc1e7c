import { z } from 'zod';
import { type ImportProblem, problem, quoted } from '../imports/importProblem.ts';
import type { SourceRecord } from '../imports/readRecords.ts';
import { field, keyedBy, parsePriceFen, text } from '../stock/stockImportRow.ts';
import { parsePack } from './pack.ts';
import type { ReferencePrice, referenceKind } from './referencePrice.ts';

/** Accepted spellings of each column or JSON key; the first is the documented one and names it in messages. */
export const referenceColumns = {
  kind: ['kind'],
  drugId: ['drug'],
  regionCode: ['region', 'region_code'],
  dosageForm: ['dosage_form', 'dosageForm'],
  strength: ['strength'],
  pack: ['pack'],
  company: ['company'],
  priceFen: ['price'],
  issuer: ['issuer'],
  document: ['document'],
  issuedOn: ['issued_on', 'issuedOn'],
  sourceUrl: ['source_url', 'sourceUrl'],
} as const satisfies Record<Exclude<keyof ReferencePrice, 'isDemo'>, readonly string[]>;
type Key = keyof typeof referenceColumns;
export const requiredReferenceColumns = (['kind', 'drugId', 'pack', 'priceFen', 'issuer', 'document', 'issuedOn'] as const).map((k) => referenceColumns[k]);

const kindByText = new Map<string, z.infer<typeof referenceKind>>([
  ['国家集采', 'national_vbp'], ['省级集采', 'provincial_vbp'], ['挂网价', 'listing'],
  ['national_vbp', 'national_vbp'], ['provincial_vbp', 'provincial_vbp'], ['listing', 'listing'],
]);

export function referenceRowSchema(resolveDrug: (value: string) => string | undefined) {
  const required = field((raw) => text(raw));
  const optional = field((raw) => text(raw, true));
  return z
    .object({
      kind: field((raw) => {
        const t = text(raw);
        if ('error' in t) return t;
        const kind = kindByText.get(t.value);
        return kind ? { value: kind } : { error: `应为 国家集采/省级集采/挂网价（收到 ${quoted(t.value)}）` };
      }),
      drugId: field((raw) => {
        const t = text(raw);
        if ('error' in t) return t;
        const id = resolveDrug(t.value);
        return id ? { value: id } : { error: `未知的药品 ${quoted(t.value)}：应为药品编码（如 W078）或目录中的通用名` };
      }),
      regionCode: field((raw) => {
        const t = text(raw, true);
        if ('error' in t || t.value === null || /^\d{2}$/.test(t.value)) return t;
        return { error: `应为两位省级代码，如 36（收到 ${quoted(t.value)}）` };
      }),
      dosageForm: optional,
      strength: optional,
      pack: field((raw) => {
        const t = text(raw);
        if ('error' in t || parsePack(t.value)) return t;
        return { error: `读不出包装数量，应如 盒(0.25g×24粒) 或 瓶(100ml)（收到 ${quoted(t.value)}）` };
      }),
      company: optional,
      priceFen: field((raw) => {
        const p = parsePriceFen(raw);
        if ('error' in p) return p;
        return p.value === null || p.value === 0 ? { error: '必填，应为大于 0 的金额（元）' } : { value: p.value };
      }),
      issuer: required,
      document: required,
      issuedOn: field((raw) => {
        const t = text(raw);
        if ('error' in t) return t;
        const ok = /^\d{4}-\d{2}-\d{2}$/.test(t.value) && !Number.isNaN(Date.parse(`${t.value}T00:00:00Z`));
        return ok ? t : { error: `应为日期，如 2026-03-01（收到 ${quoted(t.value)}）` };
      }),
      sourceUrl: field((raw) => {
        const t = text(raw, true);
        if ('error' in t || t.value === null || /^https?:\/\/\S+$/.test(t.value)) return t;
        return { error: `应为 http:// 或 https:// 开头的链接（收到 ${quoted(t.value)}）` };
      }),
    })
    .superRefine((row, ctx) => {
      if (row.kind !== 'national_vbp' && row.regionCode === null) {
        ctx.addIssue({ code: 'custom', path: ['regionCode'], message: '省级集采和挂网价须填写省级代码（如 36）' });
      }
    });
}

export interface ParsedReferenceRows {
  prices: (ReferencePrice & { line: number })[];
  problems: ImportProblem[];
  rejected: number;
}

export function parseReferenceRows(records: SourceRecord[], resolveDrug: (value: string) => string | undefined): ParsedReferenceRows {
  const schema = referenceRowSchema(resolveDrug);
  const prices: ParsedReferenceRows['prices'] = [];
  const problems: ImportProblem[] = [];
  let rejected = 0;
  for (const record of records) {
    const { input, names } = keyedBy<Key>(referenceColumns, record.values);
    const result = schema.safeParse(input);
    if (!result.success) {
      rejected += 1;
      for (const issue of result.error.issues) problems.push(problem(record.line, names[issue.path[0] as Key] ?? '', issue.message));
      continue;
    }
    prices.push({ ...result.data, isDemo: false, line: record.line });
  }
  return { prices, problems, rejected };
}
