import type { Portal } from '../portal.ts';
import { indexDrugs } from '../search/drugIndex.ts';
import { actorOf, type StaffUser } from '../staff/staffAuth.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { loadDrugs } from '../store/drugStore.ts';
import { allListImportRows, claimListImportForPublish, linkPublishedList, undecidedListImportRows } from '../store/shortageImportStore.ts';
import { drugIdsOfLatestVersion, saveListVersion } from '../store/shortageListStore.ts';
import { ListReviewError, pendingImportFor } from './listReview.ts';

export interface PublishResult {
  listId: number;
  listKey: string;
  version: number;
  entries: number;
  unmatched: number;
  /** Drugs whose search document was rebuilt: those in the new version and those in the one it replaces. */
  reindexed: number;
  /** The version is saved but the search index was not updated; `npm run reindex` repairs it. */
  indexError: string | null;
}

/**
 * Publishes a reviewed import as the list's next version. The version, the import's status and the audit entry
 * commit together; a second click on "publish" finds the import no longer pending and adds nothing.
 */
export async function publishListImport(portal: Portal, user: StaffUser, id: number, now = new Date()): Promise<PublishResult> {
  const found = await pendingImportFor(portal.store, user, id);
  const undecided = await undecidedListImportRows(portal.store, id);
  if (undecided.length > 0) throw new ListReviewError('undecided', undecided.map((r) => r.index), undecided);
  const rows = await allListImportRows(portal.store, id);
  const previousDrugIds = await drugIdsOfLatestVersion(portal.store, found.listKey);
  const entries = rows.map((row) => ({ drugId: row.decision?.drugId ?? null, rawName: row.name, rawForm: row.form, rawSpec: row.spec, note: row.note }));

  const saved = await portal.store.transaction().execute(async (trx) => {
    if (!(await claimListImportForPublish(trx, id, now))) throw new ListReviewError('not_pending');
    const version = await saveListVersion(trx, { listKey: found.listKey, ...found.meta, entries }, now);
    await linkPublishedList(trx, id, version.id);
    await appendAudit(trx, actorOf(user), {
      action: 'shortage_list.publish', regionCode: found.regionCode, target: { type: 'shortage_list', id: version.id },
      after: { listKey: found.listKey, version: version.version, title: found.meta.title, docNumber: found.meta.docNumber, effectiveDate: found.meta.effectiveDate },
      detail: {
        importId: id, entries: entries.length, unmatched: entries.filter((e) => e.drugId === null).length,
        decidedByStaff: rows.filter((r) => r.decision?.by === 'staff').length,
      },
    }, now);
    return version;
  });

  // After the commit: the version stands even if Meilisearch is down, and the flags follow at the next reindex.
  const affected = [...new Set([...previousDrugIds, ...entries.flatMap((e) => (e.drugId ? [e.drugId] : []))])];
  let indexError: string | null = null;
  try {
    if (affected.length > 0) await indexDrugs(portal.search, await loadDrugs(portal.store, affected));
  } catch (error) {
    indexError = error instanceof Error ? error.message : String(error);
  }
  return {
    listId: saved.id, listKey: found.listKey, version: saved.version, entries: entries.length,
    unmatched: entries.filter((e) => e.drugId === null).length, reindexed: indexError ? 0 : affected.length, indexError,
  };
}
