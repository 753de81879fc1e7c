import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { type ImportProblem, isError, type LineUnit, problem } from '../../domain/imports/importProblem.ts';
import { formatFromFileName, type ReadResult, readRecords } from '../../domain/imports/readRecords.ts';
import { drugMatch, drugMatcher, type MatchableDrug } from '../../domain/shortages/drugMatcher.ts';
import { parseListRows, requiredListColumns } from '../../domain/shortages/listImportRow.ts';
import { canLoadList, type ListMeta, listKeyFor, listMeta } from '../../domain/shortages/listMeta.ts';
import { actorOf, requireRole, StaffAuthError, type StaffUser } from '../staff/staffAuth.ts';
import { appendAudit } from '../staff/auditLog.ts';
import type { Store } from '../store/openStore.ts';

/** A row of a loaded file with what the matcher found and what staff decided. Stored as JSON until published. */
export const stagedRow = z.object({
  line: z.number().int(),
  rowNumber: z.number().int().nullable(),
  name: z.string(),
  form: z.string().nullable(),
  spec: z.string().nullable(),
  note: z.string().nullable(),
  match: drugMatch,
  /** The drug the row will be published with (null: kept unmatched, raw name shown); null decision = undecided. */
  decision: z.object({ drugId: z.string().nullable(), by: z.enum(['matcher', 'staff']) }).nullable(),
  /** Varieties a staff search found for this row, offered beside the matcher's candidates. */
  searched: z.array(z.string()),
});
export type StagedRow = z.infer<typeof stagedRow>;

export interface ListImportRecord {
  id: number;
  listKey: string;
  regionCode: string;
  meta: ListMeta;
  fileName: string;
  status: 'pending' | 'published' | 'discarded';
  rows: StagedRow[];
  createdAt: string;
  createdBy: string | null;
  publishedListId: number | null;
}

export type StageResult = { ok: true; importId: number; rows: StagedRow[] } | { ok: false; problems: ImportProblem[]; unit: LineUnit };

/** Anyone loading or reviewing a list needs role `data` and a region at or above the list's (see canLoadList). */
export function requireListLoader(user: StaffUser, meta: Pick<ListMeta, 'scope' | 'regionCode'>): void {
  requireRole(user, 'data');
  if (!canLoadList(user.account.regionCode, meta)) throw new StaffAuthError('out_of_region', 'list outside the account region');
}

/** CSV, or JSON as an array of rows or `{ "entries": [...] }` (the shape our own JSON download has). */
export function readListRecords(fileName: string, text: string): ReadResult {
  const format = formatFromFileName(fileName, text);
  if (format === 'json') {
    try {
      const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (typeof data === 'object' && data !== null && Array.isArray((data as { entries?: unknown }).entries)) {
        return readRecords(JSON.stringify((data as { entries: unknown[] }).entries), 'json');
      }
    } catch {
      // readRecords below reports the broken JSON with its own message.
    }
  }
  return readRecords(text, format, requiredListColumns);
}

/** Excel's plain "CSV" on a Chinese Windows is GB18030, not UTF-8; read that rather than store mojibake names. */
export function decodeListFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function matchableDrugs(store: Store): Promise<MatchableDrug[]> {
  const drugs = await store.selectFrom('drugs').select(['id', 'generic_name', 'pinyin_full']).execute();
  const aliases = await store.selectFrom('drug_aliases').select(['drug_id', 'name']).execute();
  const byDrug = new Map<string, string[]>();
  for (const a of aliases) byDrug.set(a.drug_id, [...(byDrug.get(a.drug_id) ?? []), a.name]);
  return drugs.map((d) => ({ id: d.id, genericName: d.generic_name, pinyinFull: d.pinyin_full, aliases: byDrug.get(d.id) ?? [] }));
}

/** The key a new version goes under: the chosen existing list (which must agree on kind, region and 示例), or a new one. */
async function resolveListKey(store: Store, meta: ListMeta, existingKey: string | undefined): Promise<string | ImportProblem> {
  if (!existingKey) return listKeyFor(meta);
  const latest = await store.selectFrom('shortage_lists').selectAll().where('list_key', '=', existingKey).orderBy('version', 'desc').executeTakeFirst();
  if (!latest) return problem(0, 'listKey', '所选清单不存在');
  const same = latest.kind === meta.kind && latest.scope === meta.scope && latest.region_code === meta.regionCode && (latest.is_demo === 1) === meta.isDemo;
  return same ? existingKey : problem(0, 'listKey', '新版本的类别、范围、地区和“示例”标记须与所选清单一致');
}

/**
 * Reads and matches a file and keeps it as a pending import for review. Like the stock importer it is all or
 * nothing: one bad row and no import is created, with every problem listed by line and column.
 */
export async function stageListImport(
  store: Store,
  user: StaffUser,
  input: { fileName: string; text: string; meta: ListMeta; existingKey?: string | undefined },
  now = new Date(),
): Promise<StageResult> {
  const meta = listMeta.parse(input.meta);
  requireListLoader(user, meta);
  const read = readListRecords(input.fileName, input.text);
  const parsed = parseListRows(read.records, read.unit);
  // A file that could not be read at all has no rows; "no data rows" on top of the real reason would only confuse.
  const unreadable = read.problems.length > 0 && read.records.length === 0;
  const problems = [...read.problems, ...(unreadable ? [] : parsed.problems)].sort((a, b) => a.line - b.line);
  const listKey = await resolveListKey(store, meta, input.existingKey);
  if (typeof listKey !== 'string') problems.unshift(listKey);
  if (problems.some(isError) || typeof listKey !== 'string') return { ok: false, problems, unit: read.unit };

  const match = drugMatcher(await matchableDrugs(store));
  const rows: StagedRow[] = parsed.rows.map(({ line, rowNumber, name, form, spec, note }) => {
    const found = match(name);
    const decision = found.status === 'matched' ? { drugId: found.drugId, by: 'matcher' as const }
      : found.status === 'unmatched' ? { drugId: null, by: 'matcher' as const } : null;
    return { line, rowNumber, name, form, spec, note, match: found, decision, searched: [] };
  });
  const regionCode = meta.regionCode ?? user.account.regionCode;
  const at = now.toISOString();
  return store.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('shortage_list_imports')
      .values({
        list_key: listKey, region_code: regionCode, meta_json: JSON.stringify(meta), file_name: basename(input.fileName),
        file_sha256: createHash('sha256').update(input.text).digest('hex'), rows_json: JSON.stringify(rows), status: 'pending',
        created_by: user.account.id, created_by_username: user.account.username, published_list_id: null, created_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const counts = { rows: rows.length, ambiguous: rows.filter((r) => r.match.status === 'ambiguous').length, unmatched: rows.filter((r) => r.match.status === 'unmatched').length };
    await appendAudit(trx, actorOf(user), {
      action: 'shortage_list.stage', regionCode, target: { type: 'shortage_list_import', id: inserted.id },
      detail: { listKey, fileName: basename(input.fileName), ...counts },
    }, now);
    return { ok: true, importId: inserted.id, rows };
  });
}

export async function loadListImport(store: Store, id: number): Promise<ListImportRecord | undefined> {
  const row = await store.selectFrom('shortage_list_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id, listKey: row.list_key, regionCode: row.region_code, meta: listMeta.parse(JSON.parse(row.meta_json)),
    fileName: row.file_name, status: row.status, rows: z.array(stagedRow).parse(JSON.parse(row.rows_json)),
    createdAt: row.created_at, createdBy: row.created_by_username, publishedListId: row.published_list_id,
  };
}
