import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import { searchDrugs } from '../search/drugIndex.ts';
import { actorOf, type StaffUser } from '../staff/staffAuth.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { drugExists, drugIdsByNamePart } from '../store/drugStore.ts';
import type { Store } from '../store/openStore.ts';
import { reviewPageSize, rowChoices, type StagedRow } from '../../domain/shortages/stagedRow.ts';
import { type ImportRowCounts, listImportRowsAt, listImportRowsPage, markListImportDiscarded, pendingListImportIds, updateListImportRow } from '../store/shortageImportStore.ts';
import { type ListImportRecord, loadListImport, requireListLoader } from './listImport.ts';

export { rowChoices } from '../../domain/shortages/stagedRow.ts';
// The review page and its row component name candidates through this module.
export { type DrugSummary, drugSummaries } from '../store/drugStore.ts';

/** Why a review step was refused; the review page shows each as a message, never as a stack trace. */
export class ListReviewError extends Error {
  readonly code: 'not_found' | 'not_pending' | 'undecided';
  readonly rows: number[];
  /** The undecided rows themselves (capped), so the page can name their line and name. */
  readonly undecided: StagedRow[];
  constructor(code: ListReviewError['code'], rows: number[] = [], undecided: StagedRow[] = []) {
    super(code);
    this.name = 'ListReviewError';
    this.code = code;
    this.rows = rows;
    this.undecided = undecided.slice(0, 50);
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

/** One page of a staged file for review, rows needing a person first; the page stays small however long the file. */
export interface ImportReviewPage {
  record: ListImportRecord;
  rows: StagedRow[];
  page: number;
  pages: number;
  counts: ImportRowCounts;
}

export async function importReviewPage(store: Store, user: StaffUser, id: number, page: number): Promise<ImportReviewPage> {
  const record = await loadListImport(store, id);
  if (!record) throw new ListReviewError('not_found');
  requireListLoader(user, record.meta);
  const pages = Math.max(1, Math.ceil(record.counts.rows / reviewPageSize));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const rows = await listImportRowsPage(store, id, { offset: (current - 1) * reviewPageSize, limit: reviewPageSize });
  return { record, rows, page: current, pages, counts: record.counts };
}

/**
 * Records staff choices, keyed by row index: a drug id offered for that row, or keepUnmatched. Anything else is
 * ignored rather than trusted, so a tampered form cannot attach a row to a drug nobody was shown.
 */
export async function decideImportRows(store: Store, user: StaffUser, id: number, choices: Map<number, string>, now = new Date()): Promise<StagedRow[]> {
  await pendingImportFor(store, user, id);
  const rows = await listImportRowsAt(store, id, [...choices.keys()]);
  const decided: StagedRow[] = [];
  for (const row of rows) {
    const choice = choices.get(row.index);
    const next = choice === keepUnmatched ? { ...row, decision: { drugId: null, by: 'staff' as const } }
      : choice === undefined || !rowChoices(row).includes(choice) ? row
      : row.decision?.by === 'matcher' && row.decision.drugId === choice ? row
      : { ...row, decision: { drugId: choice, by: 'staff' as const } };
    if (next !== row) await updateListImportRow(store, id, next, now);
    decided.push(next);
  }
  return decided;
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
  await pendingImportFor(portal.store, user, id);
  const [row] = await listImportRowsAt(portal.store, id, [index]);
  const q = query.trim();
  if (!row || q === '') return [];
  const asId = q.toUpperCase();
  const hits = (await drugExists(portal.store, asId)) ? [asId] : await searchedDrugIds(portal, q);
  await updateListImportRow(portal.store, id, { ...row, searched: [...new Set([...hits, ...row.searched])].slice(0, 8) }, now);
  return hits;
}

export async function discardListImport(store: Store, user: StaffUser, id: number, now = new Date()): Promise<void> {
  const found = await pendingImportFor(store, user, id);
  await store.transaction().execute(async (trx) => {
    await markListImportDiscarded(trx, id, now);
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
  const ids = await pendingListImportIds(store, regionPrefixRange(user.account.regionCode));
  const records = await Promise.all(ids.map((id) => loadListImport(store, id)));
  return records
    .filter((r): r is ListImportRecord => r !== undefined)
    .map((r) => ({
      id: r.id, listKey: r.listKey, title: r.meta.title, fileName: r.fileName, rows: r.counts.rows,
      undecided: r.counts.undecided, createdAt: r.createdAt, createdBy: r.createdBy,
    }));
}
