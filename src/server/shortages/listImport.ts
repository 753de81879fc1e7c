import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type ImportProblem, isError, type LineUnit, problem } from '../../domain/imports/importProblem.ts';
import { formatFromFileName, type ReadResult, readRecords, type SourceRecord } from '../../domain/imports/readRecords.ts';
import { drugMatcherBuilder } from '../../domain/shortages/drugMatcher.ts';
import { listRowParser, type ParsedListRows, requiredListColumns } from '../../domain/shortages/listImportRow.ts';
import { canLoadList, type ListMeta, listKeyFor, listMeta } from '../../domain/shortages/listMeta.ts';
import { listRowCapMessage, type StagedRow, stagedFromMatch } from '../../domain/shortages/stagedRow.ts';
import { config } from '../config.ts';
import { actorOf, requireRole, StaffAuthError, type StaffUser } from '../staff/staffAuth.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { matchableDrugs } from '../store/drugStore.ts';
import type { Store } from '../store/openStore.ts';
import { type ImportRowCounts, insertListImport, listImportHeader, listImportRowCounts } from '../store/shortageImportStore.ts';
import { latestListVersionRow } from '../store/shortageListStore.ts';

export type { StagedRow } from '../../domain/shortages/stagedRow.ts';

/** A staged import without its rows: those are read a page at a time (listReview.ts) or whole when publishing. */
export interface ListImportRecord {
  id: number;
  listKey: string;
  regionCode: string;
  meta: ListMeta;
  fileName: string;
  status: 'pending' | 'published' | 'discarded';
  counts: ImportRowCounts;
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

/**
 * Non-blank physical lines after a header: an upper bound on a CSV's rows that costs one scan, so a file far over
 * the cap is refused before it is parsed. Quoted multi-line cells make it overcount, hence the factor 2 where it
 * is used; the exact count after parsing decides.
 */
function roughDataLines(text: string): number {
  let lines = 0;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (text.slice(start, stop).trim() !== '') lines += 1;
    start = stop + 1;
  }
  return Math.max(0, lines - 1);
}

/** The key a new version goes under: the chosen existing list (which must agree on kind, region and 示例), or a new one. */
async function resolveListKey(store: Store, meta: ListMeta, existingKey: string | undefined): Promise<string | ImportProblem> {
  if (!existingKey) return listKeyFor(meta);
  const latest = await latestListVersionRow(store, existingKey);
  if (!latest) return problem(0, 'listKey', '所选清单不存在');
  const same = latest.kind === meta.kind && latest.scope === meta.scope && latest.region_code === meta.regionCode && (latest.is_demo === 1) === meta.isDemo;
  return same ? existingKey : problem(0, 'listKey', '新版本的类别、范围、地区和“示例”标记须与所选清单一致');
}

// Items handled between two turns of the event loop: a few milliseconds of work, so public requests arriving
// during a large upload wait for one slice, not for the whole file (measured: 5,000 rows in one go stalled 320 ms).
const slice = 50;

/** Runs `step` for each item, giving the event loop a turn after every slice. */
async function inSlices<T>(items: readonly T[], step: (item: T, index: number) => void): Promise<void> {
  for (const [index, item] of items.entries()) {
    if (index % slice === 0) await nextTurn();
    step(item, index);
  }
}

/** Validates rows, builds the matcher from the catalogue and matches, all in slices. */
async function parseAndMatch(store: Store, records: SourceRecord[], unit: LineUnit): Promise<{ parsed: ParsedListRows; match: () => Promise<StagedRow[]> }> {
  const parser = listRowParser(unit);
  await inSlices(records, (record) => parser.add(record));
  const parsed = parser.result();
  const match = async () => {
    const builder = drugMatcherBuilder();
    await inSlices(await matchableDrugs(store), (drug) => builder.add(drug));
    const matcher = builder.matcher();
    const staged: StagedRow[] = [];
    await inSlices(parsed.rows, (row, index) => staged.push(stagedFromMatch(index, row, matcher(row.name))));
    return staged;
  };
  return { parsed, match };
}

/**
 * Reads and matches a file and keeps it as a pending import for review. Like the stock importer it is all or
 * nothing: one bad row and no import is created, with every problem listed by line and column. A file over
 * SHORTAGE_LIST_MAX_ROWS is refused before its rows are validated or matched.
 */
export async function stageListImport(
  store: Store,
  user: StaffUser,
  input: { fileName: string; text: string; meta: ListMeta; existingKey?: string | undefined; maxRows?: number },
  now = new Date(),
): Promise<StageResult> {
  const meta = listMeta.parse(input.meta);
  requireListLoader(user, meta);
  const maxRows = input.maxRows ?? config().SHORTAGE_LIST_MAX_ROWS;
  const format = formatFromFileName(input.fileName, input.text);
  const unit: LineUnit = format === 'json' ? 'item' : 'line';
  const rough = format === 'json' ? 0 : roughDataLines(input.text);
  const tooLong = rough > maxRows * 2 ? listRowCapMessage(rough, maxRows) : null;
  if (tooLong) return { ok: false, problems: [problem(0, '', tooLong)], unit };

  const read = readListRecords(input.fileName, input.text);
  const overCap = listRowCapMessage(read.records.length + read.unreadable, maxRows);
  if (overCap) return { ok: false, problems: [problem(0, '', overCap)], unit: read.unit };
  const { parsed, match } = await parseAndMatch(store, read.records, read.unit);
  // A file that could not be read at all has no rows; "no data rows" on top of the real reason would only confuse.
  const unreadable = read.problems.length > 0 && read.records.length === 0;
  const problems = [...read.problems, ...(unreadable ? [] : parsed.problems)].sort((a, b) => a.line - b.line);
  const listKey = await resolveListKey(store, meta, input.existingKey);
  if (typeof listKey !== 'string') problems.unshift(listKey);
  if (problems.some(isError) || typeof listKey !== 'string') return { ok: false, problems, unit: read.unit };

  const rows = await match();
  const regionCode = meta.regionCode ?? user.account.regionCode;
  const at = now.toISOString();
  return store.transaction().execute(async (trx) => {
    const importId = await insertListImport(trx, {
      list_key: listKey, region_code: regionCode, meta_json: JSON.stringify(meta), file_name: basename(input.fileName),
      file_sha256: createHash('sha256').update(input.text).digest('hex'), status: 'pending',
      created_by: user.account.id, created_by_username: user.account.username, published_list_id: null, created_at: at, updated_at: at,
    }, rows);
    const counts = { rows: rows.length, ambiguous: rows.filter((r) => r.match.status === 'ambiguous').length, unmatched: rows.filter((r) => r.match.status === 'unmatched').length };
    await appendAudit(trx, actorOf(user), {
      action: 'shortage_list.stage', regionCode, target: { type: 'shortage_list_import', id: importId },
      detail: { listKey, fileName: basename(input.fileName), ...counts },
    }, now);
    return { ok: true, importId, rows };
  });
}

export async function loadListImport(store: Store, id: number): Promise<ListImportRecord | undefined> {
  const row = await listImportHeader(store, id);
  if (!row) return undefined;
  const counts = (await listImportRowCounts(store, [id])).get(id) ?? { rows: 0, undecided: 0, ambiguous: 0, unmatched: 0, matched: 0 };
  return {
    id: row.id, listKey: row.list_key, regionCode: row.region_code, meta: listMeta.parse(JSON.parse(row.meta_json)),
    fileName: row.file_name, status: row.status, counts, createdAt: row.created_at, createdBy: row.created_by_username,
    publishedListId: row.published_list_id,
  };
}
