import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { type DrugAlias, drugAliasKind } from './drugVariety.ts';

/**
 * data/drug-aliases.csv: names citizens type for a variety (芬必得 → 布洛芬). Staff edit it by hand,
 * so every error names the line and the field in Chinese and English: 第 12 行 drug_id：….
 */
export const ALIAS_COLUMNS = ['drug_id', 'alias', 'kind', 'source', 'note'] as const;

export interface AliasRow {
  drugId: string;
  alias: DrugAlias;
  note: string | null;
  /** Line in the file (the header is line 1), for messages that point staff at the row. */
  line: number;
}

export class AliasFileError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`drug-aliases.csv: ${problems.length} 处错误 / problem(s)\n${problems.join('\n')}`);
    this.problems = problems;
    this.name = 'AliasFileError';
  }
}

const aliasRecord = z.object({
  drug_id: z
    .string()
    .min(1, { error: '不能为空 / must not be empty' })
    .regex(/^[A-Z][A-Z0-9-]{1,40}$/, { error: '不是目录编号（如 W078、T001）/ not a catalogue id such as W078' }),
  alias: z
    .string()
    .min(1, { error: '不能为空 / must not be empty' })
    .max(40, { error: '超过 40 个字符 / longer than 40 characters' })
    .refine((s) => !/[,\r\n]/.test(s), { error: '不能含逗号或换行 / must not contain a comma or line break' }),
  // The enum's own message is replaced by kindMessage, which lists the allowed kinds in both languages.
  kind: z.string().min(1, { error: '不能为空 / must not be empty' }).pipe(drugAliasKind),
  source: z.string().min(1, { error: '不能为空，请写明出处 / must say where the name comes from' }),
  note: z.string(),
});

function kindMessage(value: unknown): string {
  return `「${String(value)}」不是 ${drugAliasKind.options.join('、')} 之一 / must be one of ${drugAliasKind.options.join(', ')}`;
}

/**
 * Parses and checks the whole file, collecting every problem before failing so one run lists them all.
 * knownIds, when given, also checks that each drug_id is a catalogue variety.
 */
export function parseAliasCsv(text: string, knownIds?: ReadonlySet<string>): AliasRow[] {
  // With info: true each record comes with the line it ended on; csv-parse's types do not model that.
  const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const [header, ...body] = records;
  if (!header || header.record.join(',') !== ALIAS_COLUMNS.join(',')) {
    throw new AliasFileError([`第 1 行：表头应为 ${ALIAS_COLUMNS.join(',')} / header must be ${ALIAS_COLUMNS.join(',')}`]);
  }
  const problems: string[] = [];
  const rows: AliasRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== ALIAS_COLUMNS.length) {
      problems.push(`第 ${line} 行：应有 ${ALIAS_COLUMNS.length} 列，实有 ${record.length} 列 / expected ${ALIAS_COLUMNS.length} columns, found ${record.length}`);
      continue;
    }
    const raw = Object.fromEntries(ALIAS_COLUMNS.map((c, i) => [c, record[i] ?? '']));
    const result = aliasRecord.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        const message = field === 'kind' && raw.kind !== '' ? kindMessage(raw.kind) : issue.message;
        problems.push(`第 ${line} 行 ${field}：${message}`);
      }
      continue;
    }
    const { drug_id, alias, kind, source, note } = result.data;
    if (knownIds && !knownIds.has(drug_id)) {
      problems.push(`第 ${line} 行 drug_id：目录中没有「${drug_id}」/ no variety ${drug_id} in the catalogue`);
      continue;
    }
    const key = `${drug_id}\u0000${alias.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(`第 ${line} 行 alias：「${alias}」与第 ${earlier} 行重复 / duplicates line ${earlier}`);
      continue;
    }
    seen.set(key, line);
    rows.push({ drugId: drug_id, alias: { name: alias, kind, source }, note: note === '' ? null : note, line });
  }
  if (problems.length > 0) throw new AliasFileError(problems);
  return rows;
}
