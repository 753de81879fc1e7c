import type { ListMembership } from '../../domain/drugs/drugFlags.ts';
import type { Store } from './openStore.ts';
import type { Selectable } from 'kysely';
import type { ShortageListTable } from './schema.ts';

/**
 * The latest version of each list whose effective date has come. Older versions stay in the store
 * (history and diffs) but no longer flag drugs.
 */
export async function listsInForce(store: Store, today = new Date().toISOString().slice(0, 10)): Promise<ListMembership[]> {
  const rows = await store
    .selectFrom('shortage_lists')
    .selectAll()
    .where('effective_date', '<=', today)
    .orderBy('list_key')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.list_key)) latest.set(row.list_key, row);
  return [...latest.values()].map((row) => ({
    listKey: row.list_key,
    listId: row.id,
    kind: row.kind,
    scope: row.scope,
    title: row.title,
    version: row.version,
    isDemo: row.is_demo === 1,
  }));
}

/** What one version of a list says about itself, as the issuer's document states it; stored as given. */
export interface ListVersionFields {
  listKey: string;
  kind: ShortageListTable['kind'];
  scope: ShortageListTable['scope'];
  regionCode: string | null;
  title: string;
  issuer: string;
  docNumber: string | null;
  effectiveDate: string;
  sourceUrl: string | null;
  isDemo: boolean;
}

export interface ListVersionInput extends ListVersionFields {
  entries: { drugId: string | null; rawName: string; rawForm: string | null; rawSpec?: string | null; note: string | null }[];
}

/**
 * Adds a new version of a list; earlier versions are never touched, so history and diffs stay possible. Given a
 * transaction, it joins it, so that a caller can publish the version together with its own records.
 */
export async function saveListVersion(store: Store, input: ListVersionInput, now = new Date()): Promise<{ id: number; version: number }> {
  const inTransaction = <T>(work: (trx: Store) => Promise<T>) => (store.isTransaction ? work(store) : store.transaction().execute(work));
  return inTransaction(async (trx) => {
    const latest = await trx
      .selectFrom('shortage_lists')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('list_key', '=', input.listKey)
      .executeTakeFirst();
    const version = Number(latest?.v ?? 0) + 1;
    const inserted = await trx
      .insertInto('shortage_lists')
      .values({
        list_key: input.listKey,
        kind: input.kind,
        scope: input.scope,
        region_code: input.regionCode,
        title: input.title,
        issuer: input.issuer,
        doc_number: input.docNumber,
        effective_date: input.effectiveDate,
        source_url: input.sourceUrl,
        version,
        is_demo: input.isDemo ? 1 : 0,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let rowNumber = 0;
    for (const entry of input.entries) {
      rowNumber += 1;
      await trx
        .insertInto('shortage_list_entries')
        .values({ list_id: inserted.id, row_number: rowNumber, drug_id: entry.drugId, raw_name: entry.rawName, raw_form: entry.rawForm, raw_spec: entry.rawSpec ?? null, note: entry.note })
        .execute();
    }
    return { id: inserted.id, version };
  });
}

export async function hasList(store: Store, listKey: string): Promise<boolean> {
  const row = await store.selectFrom('shortage_lists').select('id').where('list_key', '=', listKey).executeTakeFirst();
  return row !== undefined;
}

export interface ListHeadline extends ListMembership {
  issuer: string;
  effectiveDate: string;
  entryCount: number;
}

export async function listHeadlines(store: Store): Promise<ListHeadline[]> {
  const lists = await listsInForce(store);
  const headlines: ListHeadline[] = [];
  for (const list of lists) {
    const meta = await store.selectFrom('shortage_lists').select(['issuer', 'effective_date']).where('id', '=', list.listId).executeTakeFirstOrThrow();
    const count = await store
      .selectFrom('shortage_list_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('list_id', '=', list.listId)
      .executeTakeFirst();
    headlines.push({ ...list, issuer: meta.issuer, effectiveDate: meta.effective_date, entryCount: Number(count?.n ?? 0) });
  }
  return headlines;
}

/** The newest version of a list, whether or not it has taken effect. */
export async function latestListVersionRow(store: Store, listKey: string): Promise<Selectable<ShortageListTable> | undefined> {
  return store.selectFrom('shortage_lists').selectAll().where('list_key', '=', listKey).orderBy('version', 'desc').executeTakeFirst();
}

/** The catalogue drugs the newest version of a list names (none for a new list). */
export async function drugIdsOfLatestVersion(store: Store, listKey: string): Promise<string[]> {
  const latest = await latestListVersionRow(store, listKey);
  if (!latest) return [];
  const rows = await store.selectFrom('shortage_list_entries').select('drug_id').where('list_id', '=', latest.id).where('drug_id', 'is not', null).execute();
  return rows.map((r) => r.drug_id).filter((id): id is string => id !== null);
}

/** Which of these drugs are on a list in force today: their stock facts go stale after 24 h, not 72 h. */
export async function drugIdsOnListsInForce(store: Store, drugIds: readonly string[], today?: string): Promise<Set<string>> {
  if (drugIds.length === 0) return new Set();
  const lists = await listsInForce(store, today);
  if (lists.length === 0) return new Set();
  const rows = await store
    .selectFrom('shortage_list_entries')
    .select('drug_id')
    .distinct()
    .where('list_id', 'in', lists.map((l) => l.listId))
    .where('drug_id', 'in', [...drugIds])
    .execute();
  return new Set(rows.flatMap((r) => (r.drug_id ? [r.drug_id] : [])));
}
