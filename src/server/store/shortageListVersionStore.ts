import type { Selectable } from 'kysely';
import type { ShortageEntryView } from '../../domain/shortages/entryFilter.ts';
import type { Store } from './openStore.ts';
import type { ShortageListTable } from './schema.ts';
import type { ListVersionFields } from './shortageListStore.ts';

/** Reading published shortage-list versions and their entries (server/shortages/listQueries.ts builds on it). */

/** One version of a list with everything a reader needs to check it against the issuer's document. */
export interface ListVersionSummary extends ListVersionFields {
  id: number;
  version: number;
  createdAt: string;
  entryCount: number;
}

function summariesQuery(store: Store) {
  return store
    .selectFrom('shortage_lists')
    .selectAll('shortage_lists')
    .select((eb) =>
      eb.selectFrom('shortage_list_entries').select(eb.fn.countAll<number>().as('n')).whereRef('shortage_list_entries.list_id', '=', 'shortage_lists.id').as('entry_count'),
    );
}

function toSummary(row: Selectable<ShortageListTable> & { entry_count: number | string | null }): ListVersionSummary {
  return {
    id: row.id, listKey: row.list_key, kind: row.kind, scope: row.scope, regionCode: row.region_code, title: row.title,
    issuer: row.issuer, docNumber: row.doc_number, effectiveDate: row.effective_date, sourceUrl: row.source_url,
    version: row.version, isDemo: row.is_demo === 1, createdAt: row.created_at, entryCount: Number(row.entry_count ?? 0),
  };
}

export async function summariesByIds(store: Store, ids: number[]): Promise<ListVersionSummary[]> {
  if (ids.length === 0) return [];
  const rows = await summariesQuery(store).where('shortage_lists.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every version of a list, newest first; empty for an unknown key. */
export async function listVersions(store: Store, listKey: string): Promise<ListVersionSummary[]> {
  const rows = await summariesQuery(store).where('list_key', '=', listKey).orderBy('version', 'desc').execute();
  return rows.map(toSummary);
}

/** Every version of every list, by key then newest version first, for the lists page and API. */
export async function allListVersions(store: Store): Promise<ListVersionSummary[]> {
  return (await summariesQuery(store).orderBy('list_key').orderBy('version', 'desc').execute()).map(toSummary);
}

/** Entries of the given list versions, in list order, joined with the catalogue variety where one was matched. */
export async function listEntries(store: Store, listIds: number[]): Promise<ShortageEntryView[]> {
  if (listIds.length === 0) return [];
  const rows = await store
    .selectFrom('shortage_list_entries as e')
    .innerJoin('shortage_lists as l', 'l.id', 'e.list_id')
    .leftJoin('drugs as d', 'd.id', 'e.drug_id')
    .select(['l.id as list_id', 'l.list_key', 'e.row_number', 'e.drug_id', 'e.raw_name', 'e.raw_form', 'e.raw_spec', 'e.note'])
    .select(['d.generic_name', 'd.category', 'd.forms', 'd.pinyin_full', 'd.pinyin_initials'])
    .where('e.list_id', 'in', listIds)
    .orderBy('e.row_number')
    .execute();
  const drugIds = [...new Set(rows.flatMap((r) => (r.drug_id ? [r.drug_id] : [])))];
  const aliasRows = drugIds.length > 0 ? await store.selectFrom('drug_aliases').select(['drug_id', 'name']).where('drug_id', 'in', drugIds).execute() : [];
  const aliases = new Map<string, string[]>();
  for (const a of aliasRows) aliases.set(a.drug_id, [...(aliases.get(a.drug_id) ?? []), a.name]);
  const order = new Map(listIds.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => (order.get(a.list_id) ?? 0) - (order.get(b.list_id) ?? 0) || a.row_number - b.row_number)
    .map((r) => ({
      listKey: r.list_key, rowNumber: r.row_number, drugId: r.drug_id, genericName: r.generic_name, category: r.category,
      drugForms: r.forms ? (JSON.parse(r.forms) as { form: string }[]).map((f) => f.form) : [],
      pinyinFull: r.pinyin_full, pinyinInitials: r.pinyin_initials, aliases: r.drug_id ? (aliases.get(r.drug_id) ?? []) : [],
      rawName: r.raw_name, rawForm: r.raw_form, rawSpec: r.raw_spec, note: r.note,
    }));
}
