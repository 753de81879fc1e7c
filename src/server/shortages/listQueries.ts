import type { ShortageEntryView } from '../../domain/shortages/entryFilter.ts';
import { diffListVersions, type ListDiff } from '../../domain/shortages/listDiff.ts';
import { listAppliesTo } from '../../domain/shortages/listMeta.ts';
import { formatShanghaiDate } from '../../domain/time/shanghaiTime.ts';
import type { Store } from '../store/openStore.ts';
import { regionName } from '../store/regionStore.ts';
import { listsInForce } from '../store/shortageListStore.ts';
import { allListVersions, listEntries, type ListVersionSummary, listVersions, summariesByIds } from '../store/shortageListVersionStore.ts';

// Callers across the portal read lists through this module; the store functions they need are passed through.
export { listEntries, type ListVersionSummary, listVersions } from '../store/shortageListVersionStore.ts';

/** Lists take effect on a Beijing calendar date, whatever the server's time zone. */
export function todayInShanghai(now = new Date()): string {
  return formatShanghaiDate(now);
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
  return (await regionName(store, code)) ?? null;
}

/** The given version, or without one the version in force (the newest one if none has taken effect yet). */
export async function listVersion(store: Store, listKey: string, version?: number, today = todayInShanghai()): Promise<ListVersionSummary | undefined> {
  const versions = await listVersions(store, listKey);
  if (version !== undefined) return versions.find((v) => v.version === version);
  return versions.find((v) => v.effectiveDate <= today) ?? versions[0];
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
  const rows = await allListVersions(store);
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
