import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import { searchDrugs } from '../search/drugIndex.ts';
import { actorOf, type StaffUser } from '../staff/staffAuth.ts';
import { appendAudit } from '../staff/auditLog.ts';
import { drugIdsByNamePart } from '../store/drugStore.ts';
import type { Store } from '../store/openStore.ts';
import { type ListImportRecord, loadListImport, requireListLoader, type StagedRow } from './listImport.ts';

/** Why a review step was refused; the review page shows each as a message, never as a stack trace. */
export class ListReviewError extends Error {
  readonly code: 'not_found' | 'not_pending' | 'undecided';
  readonly rows: number[];
  constructor(code: ListReviewError['code'], rows: number[] = []) {
    super(code);
    this.name = 'ListReviewError';
    this.code = code;
    this.rows = rows;
  }
}

/** The value a review form posts for "keep this row unmatched, show the name as written". */
export const keepUnmatched = '-';

/** The pending import `id`, checked against the user's role and region before anything reads or changes it. */
export async function pendingImportFor(store: Store, user: StaffUser, id: number): Promise<ListImportRecord> {
  const found = await loadListImport(store, id);
  if (!found) throw new ListReviewError('not_found');
  requireListLoader(user, found.meta);
  if (found.status !== 'pending') throw new ListReviewError('not_pending');
  return found;
}

/** The varieties a row may be published with: what the matcher found and what a search turned up. */
export function rowChoices(row: StagedRow): string[] {
  const fromMatcher = row.match.status === 'matched' ? [row.match.drugId] : row.match.status === 'ambiguous' ? row.match.candidates : [];
  return [...new Set([...fromMatcher, ...row.searched, ...(row.decision?.drugId ? [row.decision.drugId] : [])])];
}

async function saveRows(store: Store, id: number, rows: StagedRow[], now: Date): Promise<void> {
  await store
    .updateTable('shortage_list_imports')
    .set({ rows_json: JSON.stringify(rows), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Records staff choices, keyed by row index: a drug id offered for that row, or keepUnmatched. Anything else is
 * ignored rather than trusted, so a tampered form cannot attach a row to a drug nobody was shown.
 */
export async function decideImportRows(store: Store, user: StaffUser, id: number, choices: Map<number, string>, now = new Date()): Promise<StagedRow[]> {
  const found = await pendingImportFor(store, user, id);
  const rows = found.rows.map((row, index) => {
    const choice = choices.get(index);
    if (choice === undefined) return row;
    if (choice === keepUnmatched) return { ...row, decision: { drugId: null, by: 'staff' as const } };
    if (!rowChoices(row).includes(choice)) return row;
    const sameAsMatcher = row.decision?.by === 'matcher' && row.decision.drugId === choice;
    return sameAsMatcher ? row : { ...row, decision: { drugId: choice, by: 'staff' as const } };
  });
  await saveRows(store, id, rows, now);
  return rows;
}

/** Search finds pinyin and typos; if it is down, a plain name lookup still lets the review go on. */
async function searchedDrugIds(portal: Portal, q: string): Promise<string[]> {
  try {
    return (await searchDrugs(portal.search, q, 5)).map((h) => h.id);
  } catch {
    return drugIdsByNamePart(portal.store, q, 5);
  }
}

/** Looks up other varieties for one row (name, pinyin or a drug id such as W078) and offers up to five of them. */
export async function searchForImportRow(portal: Portal, user: StaffUser, id: number, index: number, query: string, now = new Date()): Promise<string[]> {
  const found = await pendingImportFor(portal.store, user, id);
  const row = found.rows[index];
  const q = query.trim();
  if (!row || q === '') return [];
  const byId = await portal.store.selectFrom('drugs').select('id').where('id', '=', q.toUpperCase()).executeTakeFirst();
  const hits = byId ? [byId.id] : await searchedDrugIds(portal, q);
  const rows = found.rows.map((r, i) => (i === index ? { ...r, searched: [...new Set([...hits, ...r.searched])].slice(0, 8) } : r));
  await saveRows(portal.store, id, rows, now);
  return hits;
}

export async function discardListImport(store: Store, user: StaffUser, id: number, now = new Date()): Promise<void> {
  const found = await pendingImportFor(store, user, id);
  await store.transaction().execute(async (trx) => {
    await trx.updateTable('shortage_list_imports').set({ status: 'discarded', updated_at: now.toISOString() }).where('id', '=', id).execute();
    await appendAudit(trx, actorOf(user), {
      action: 'shortage_list.discard', regionCode: found.regionCode, target: { type: 'shortage_list_import', id },
      detail: { listKey: found.listKey, fileName: found.fileName },
    }, now);
  });
}

export interface PendingImportSummary {
  id: number;
  listKey: string;
  title: string;
  fileName: string;
  rows: number;
  undecided: number;
  createdAt: string;
  createdBy: string | null;
}

/** Imports waiting for review in the user's region and below, newest first. */
export async function pendingImports(store: Store, user: StaffUser): Promise<PendingImportSummary[]> {
  const { from, before } = regionPrefixRange(user.account.regionCode);
  const rows = await store
    .selectFrom('shortage_list_imports')
    .select('id')
    .where('status', '=', 'pending')
    .where('region_code', '>=', from)
    .where('region_code', '<', before)
    .orderBy('id', 'desc')
    .execute();
  const records = await Promise.all(rows.map((r) => loadListImport(store, r.id)));
  return records
    .filter((r): r is ListImportRecord => r !== undefined)
    .map((r) => ({
      id: r.id, listKey: r.listKey, title: r.meta.title, fileName: r.fileName, rows: r.rows.length,
      undecided: r.rows.filter((row) => row.decision === null).length, createdAt: r.createdAt, createdBy: r.createdBy,
    }));
}

export interface DrugSummary {
  id: string;
  genericName: string;
  category: string;
  formsText: string;
}

/** What a reviewer needs to tell candidates apart: name, class and forms. */
export async function drugSummaries(store: Store, ids: readonly string[]): Promise<Map<string, DrugSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await store.selectFrom('drugs').select(['id', 'generic_name', 'category', 'forms_text']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, genericName: r.generic_name, category: r.category, formsText: r.forms_text }]));
}
