import type { Selectable } from 'kysely';
import type { ShortageEntryView } from '../../domain/shortages/entryFilter.ts';
import { diffListVersions, type ListDiff } from '../../domain/shortages/listDiff.ts';
import { listAppliesTo } from '../../domain/shortages/listMeta.ts';
import { formatShanghaiDate } from '../../domain/time/shanghaiTime.ts';
import type { Store } from '../store/openStore.ts';
import type { ShortageListTable } from '../store/schema.ts';
import { type ListVersionFields, listsInForce } from '../store/shortageListStore.ts';

/** One version of a list with everything a reader needs to check it against the issuer's document. */
export interface ListVersionSummary extends ListVersionFields {
  id: number;
  version: number;
  createdAt: string;
  entryCount: number;
}

/** Lists take effect on a Beijing calendar date, whatever the server's time zone. */
export function todayInShanghai(now = new Date()): string {
  return formatShanghaiDate(now);
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

async function summariesByIds(store: Store, ids: number[]): Promise<ListVersionSummary[]> {
  if (ids.length === 0) return [];
  const rows = await summariesQuery(store).where('shortage_lists.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The version in force of every list that holds in `regionCode`: national ones, then the province's, then local. */
export async function listsInForceFor(store: Store, regionCode: string, today = todayInShanghai()): Promise<ListVersionSummary[]> {
  const inForce = await listsInForce(store, today);
  const summaries = await summariesByIds(store, inForce.map((l) => l.listId));
  return summaries.filter((s) => listAppliesTo(s, regionCode)).sort((a, b) => (a.regionCode ?? '').length - (b.regionCode ?? '').length || a.listKey.localeCompare(b.listKey));
}

/** 江西省 for 36; null for national lists and unknown codes. */
export async function regionNameOf(store: Store, code: string | null): Promise<string | null> {
  if (!code) return null;
  const row = await store.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}

/** Every version of a list, newest first; empty for an unknown key. */
export async function listVersions(store: Store, listKey: string): Promise<ListVersionSummary[]> {
  const rows = await summariesQuery(store).where('list_key', '=', listKey).orderBy('version', 'desc').execute();
  return rows.map(toSummary);
}

/** The given version, or without one the version in force (the newest one if none has taken effect yet). */
export async function listVersion(store: Store, listKey: string, version?: number, today = todayInShanghai()): Promise<ListVersionSummary | undefined> {
  const versions = await listVersions(store, listKey);
  if (version !== undefined) return versions.find((v) => v.version === version);
  return versions.find((v) => v.effectiveDate <= today) ?? versions[0];
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

export interface VersionComparison {
  from: ListVersionSummary;
  to: ListVersionSummary;
  diff: ListDiff<ShortageEntryView>;
}

/** What changed from version `from` to version `to` of one list; undefined when either version does not exist. */
export async function compareVersions(store: Store, listKey: string, from: number, to: number): Promise<VersionComparison | undefined> {
  const versions = await listVersions(store, listKey);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) return undefined;
  const [before, after] = await Promise.all([listEntries(store, [a.id]), listEntries(store, [b.id])]);
  return { from: a, to: b, diff: diffListVersions(before, after) };
}

export interface ListPage {
  /** The newest version of each list, with the version in force beside it (null until one takes effect). */
  items: (ListVersionSummary & { versionInForce: number | null })[];
  total: number;
}

type ListWithForce = ListVersionSummary & { versionInForce: number | null };

/** The newest version of every list, by key, each with the version in force beside it. */
async function newestVersions(store: Store, today: string): Promise<ListWithForce[]> {
  const rows = (await summariesQuery(store).orderBy('list_key').orderBy('version', 'desc').execute()).map(toSummary);
  const newest = new Map<string, ListVersionSummary>();
  const inForce = new Map<string, number>();
  for (const row of rows) {
    if (!newest.has(row.listKey)) newest.set(row.listKey, row);
    if (!inForce.has(row.listKey) && row.effectiveDate <= today) inForce.set(row.listKey, row.version);
  }
  return [...newest.values()].map((l) => ({ ...l, versionInForce: inForce.get(l.listKey) ?? null }));
}

/** Lists for the open API, by key; `updatedSince` keeps those whose newest version was created at or after it. */
export async function listPage(store: Store, options: { page: number; pageSize: number; updatedSince?: string | undefined; region?: string | undefined }, today = todayInShanghai()): Promise<ListPage> {
  const since = options.updatedSince;
  const matching = (await newestVersions(store, today)).filter((l) => (!since || l.createdAt >= since) && (!options.region || listAppliesTo(l, options.region)));
  const start = (options.page - 1) * options.pageSize;
  return { items: matching.slice(start, start + options.pageSize), total: matching.length };
}

/**
 * For the change feed: lists whose newest version came after `after` ([createdAt, id] of a version) and before
 * `createdBefore`, oldest first. There are tens of lists, not thousands, so they are read whole.
 */
export async function listChangesAfter(
  store: Store,
  after: readonly [string, number] | null,
  createdBefore: string,
  limit: number,
  today = todayInShanghai(),
): Promise<ListWithForce[]> {
  const later = (l: ListVersionSummary) => !after || l.createdAt > after[0] || (l.createdAt === after[0] && l.id > after[1]);
  return (await newestVersions(store, today))
    .filter((l) => later(l) && l.createdAt < createdBefore)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id))
    .slice(0, limit);
}
