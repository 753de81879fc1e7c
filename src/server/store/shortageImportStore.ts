import type { Transaction } from 'kysely';
import { drugMatch } from '../../domain/shortages/drugMatcher.ts';
import { reviewOrder, type StagedRow } from '../../domain/shortages/stagedRow.ts';
import type { Database, ShortageListImportRowTable, ShortageListImportTable } from './schema.ts';
import type { Store } from './openStore.ts';

type Db = Store | Transaction<Database>;
type ImportHeader = Omit<ShortageListImportTable, 'id'>;
type RowRecord = Omit<ShortageListImportRowTable, 'id'>;

// 14 values a row: 400 rows keep a statement well under SQLite's and PostgreSQL's bound-parameter limits.
const insertBatch = 400;

function rowRecord(importId: number, row: StagedRow): RowRecord {
  return {
    import_id: importId, row_index: row.index, line: row.line, row_number: row.rowNumber, name: row.name, form: row.form,
    spec: row.spec, note: row.note, match_json: JSON.stringify(row.match), review_order: reviewOrder(row.match),
    decision_drug_id: row.decision?.drugId ?? null, decision_by: row.decision?.by ?? null, searched_json: JSON.stringify(row.searched),
  };
}

function stagedRowOf(r: RowRecord): StagedRow {
  return {
    index: r.row_index, line: r.line, rowNumber: r.row_number, name: r.name, form: r.form, spec: r.spec, note: r.note,
    match: drugMatch.parse(JSON.parse(r.match_json)),
    decision: r.decision_by === null ? null : { drugId: r.decision_drug_id, by: r.decision_by },
    searched: JSON.parse(r.searched_json) as string[],
  };
}

/** Inserts the import and its rows; call inside a transaction so that a failure leaves neither. */
export async function insertListImport(trx: Db, header: ImportHeader, rows: readonly StagedRow[]): Promise<number> {
  const { id } = await trx.insertInto('shortage_list_imports').values(header).returning('id').executeTakeFirstOrThrow();
  for (let start = 0; start < rows.length; start += insertBatch) {
    await trx.insertInto('shortage_list_import_rows').values(rows.slice(start, start + insertBatch).map((row) => rowRecord(id, row))).execute();
  }
  return id;
}

export async function listImportHeader(db: Db, id: number) {
  return db.selectFrom('shortage_list_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One review page: rows needing a person first, then file order. */
export async function listImportRowsPage(db: Db, id: number, page: { offset: number; limit: number }): Promise<StagedRow[]> {
  const rows = await db
    .selectFrom('shortage_list_import_rows')
    .selectAll()
    .where('import_id', '=', id)
    .orderBy('review_order')
    .orderBy('row_index')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map(stagedRowOf);
}

export async function listImportRowsAt(db: Db, id: number, indexes: readonly number[]): Promise<StagedRow[]> {
  if (indexes.length === 0) return [];
  const rows = await db.selectFrom('shortage_list_import_rows').selectAll().where('import_id', '=', id).where('row_index', 'in', [...indexes]).orderBy('row_index').execute();
  return rows.map(stagedRowOf);
}

/** Every row in file order; only publishing needs the whole file. */
export async function allListImportRows(db: Db, id: number): Promise<StagedRow[]> {
  const rows = await db.selectFrom('shortage_list_import_rows').selectAll().where('import_id', '=', id).orderBy('row_index').execute();
  return rows.map(stagedRowOf);
}

export interface ImportRowCounts {
  rows: number;
  undecided: number;
  ambiguous: number;
  unmatched: number;
  matched: number;
}

export async function listImportRowCounts(db: Db, ids: readonly number[]): Promise<Map<number, ImportRowCounts>> {
  const counts = new Map<number, ImportRowCounts>(ids.map((id) => [id, { rows: 0, undecided: 0, ambiguous: 0, unmatched: 0, matched: 0 }]));
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('shortage_list_import_rows')
    .select((eb) => ['import_id', 'review_order', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('decision_by').as('decided')])
    .where('import_id', 'in', [...ids])
    .groupBy(['import_id', 'review_order'])
    .execute();
  for (const r of rows) {
    const c = counts.get(r.import_id);
    if (!c) continue;
    const n = Number(r.n);
    c.rows += n;
    c.undecided += n - Number(r.decided);
    if (r.review_order === 0) c.ambiguous += n;
    else if (r.review_order === 1) c.unmatched += n;
    else c.matched += n;
  }
  return counts;
}

export async function undecidedListImportRows(db: Db, id: number): Promise<StagedRow[]> {
  const rows = await db.selectFrom('shortage_list_import_rows').selectAll().where('import_id', '=', id).where('decision_by', 'is', null).orderBy('row_index').execute();
  return rows.map(stagedRowOf);
}

/** Saves a row's decision and searches; only while its import is pending. */
export async function updateListImportRow(db: Db, id: number, row: StagedRow, now: Date): Promise<void> {
  await db
    .updateTable('shortage_list_import_rows')
    .set({ decision_drug_id: row.decision?.drugId ?? null, decision_by: row.decision?.by ?? null, searched_json: JSON.stringify(row.searched) })
    .where('import_id', '=', id)
    .where('row_index', '=', row.index)
    .where((eb) => eb.exists(eb.selectFrom('shortage_list_imports').select('id').where('id', '=', id).where('status', '=', 'pending')))
    .execute();
  await db.updateTable('shortage_list_imports').set({ updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'pending').execute();
}

export async function pendingListImportIds(db: Db, region: { from: string; before: string }): Promise<number[]> {
  const rows = await db
    .selectFrom('shortage_list_imports')
    .select('id')
    .where('status', '=', 'pending')
    .where('region_code', '>=', region.from)
    .where('region_code', '<', region.before)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

/** Takes a pending import for publishing; false when another request got there first (or it was discarded). */
export async function claimListImportForPublish(trx: Db, id: number, now: Date): Promise<boolean> {
  const claimed = await trx
    .updateTable('shortage_list_imports')
    .set({ status: 'published', updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function linkPublishedList(trx: Db, id: number, listId: number): Promise<void> {
  await trx.updateTable('shortage_list_imports').set({ published_list_id: listId }).where('id', '=', id).execute();
}

export async function markListImportDiscarded(trx: Db, id: number, now: Date): Promise<void> {
  await trx.updateTable('shortage_list_imports').set({ status: 'discarded', updated_at: now.toISOString() }).where('id', '=', id).execute();
}
