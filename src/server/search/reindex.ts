import type { Portal } from '../portal.ts';
import { reindexArticles } from '../publishing/articleIndexing.ts';
import { loadDrugs } from '../store/drugStore.ts';
import { facilityIds, loadFacilities } from '../store/facilityStore.ts';
import { stockStatusesByFacility } from '../store/stockStore.ts';
import { configureAvailabilityIndex, enqueueFacilities, facilityDocument } from './availabilityIndex.ts';
import { availabilityRouter, documentsByShard } from './availabilityRouting.ts';
import { configureDrugIndex, indexDrugs } from './drugIndex.ts';
import { ensureIndex, indexExists, type SearchConnection, settled } from './meiliClient.ts';

export interface ReindexReport {
  drugs: number;
  facilities: number;
  articles: number;
  seconds: number;
}

/**
 * Facility documents for the given ids, built from the store in chunks to bound memory and written to the
 * index of their province's shard (availabilityRouting.ts); `suffix` names the aside index of a rebuild.
 * Chunks are sent as they are built and awaited together at the end, so reading the store overlaps indexing.
 * Stock imports call this with only the facilities whose reports changed.
 */
export async function reindexFacilities(portal: Portal, ids: string[], suffix = ''): Promise<void> {
  const router = availabilityRouter(portal);
  const tasks: ReturnType<typeof enqueueFacilities>[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [facilities, stock] = await Promise.all([loadFacilities(portal.store, chunk), stockStatusesByFacility(portal.store, chunk)]);
    if (facilities.length === 0) continue;
    const docs = facilities.map((f) => facilityDocument(f, stock.get(f.id) ?? { inStock: [], low: [], out: [] }));
    for (const [shard, group] of documentsByShard(router, docs)) {
      const task = enqueueFacilities(shard.search, group, `${shard.indexUid}${suffix}`);
      // Marked handled now so a failed request cannot crash the process before it is awaited below.
      task.catch(() => undefined);
      tasks.push(task);
    }
  }
  for (const task of tasks) await settled(task);
}

/** Creates (with settings) the availability index of every shard; `suffix` as in reindexFacilities. */
export async function configureAvailabilityShards(portal: Portal, suffix = ''): Promise<void> {
  for (const shard of availabilityRouter(portal).shards) await configureAvailabilityIndex(shard.search, `${shard.indexUid}${suffix}`);
}

/**
 * Rebuilds both indexes from the store into fresh indexes and swaps them in, so searches keep answering
 * during a rebuild and running it twice gives the same result.
 */
export async function reindexAll(portal: Portal, log: (line: string) => void = () => {}): Promise<ReindexReport> {
  const started = performance.now();
  const { indexName } = portal.search;
  const drugs = await loadDrugs(portal.store);
  const ids = await facilityIds(portal.store);
  const aside = '__next';
  const swaps: { search: SearchConnection; live: string }[] = [{ search: portal.search, live: indexName('drugs') }];
  for (const shard of availabilityRouter(portal).shards) swaps.push({ search: shard.search, live: shard.indexUid });
  for (const { search, live } of swaps) {
    if (await indexExists(search, `${live}${aside}`)) await settled(search.client.deleteIndex(`${live}${aside}`));
  }
  await configureDrugIndex(portal.search, `${indexName('drugs')}${aside}`);
  await indexDrugs(portal.search, drugs, `${indexName('drugs')}${aside}`);
  log(`drugs: ${drugs.length} documents`);
  await configureAvailabilityShards(portal, aside);
  await reindexFacilities(portal, ids, aside);
  log(`availability: ${ids.length} facility documents`);
  // Each Meilisearch swaps its own indexes; one request per instance keeps its swap atomic.
  const byClient = new Map<SearchConnection['client'], { search: SearchConnection; pairs: { indexes: [string, string]; rename: boolean }[] }>();
  for (const { search, live } of swaps) {
    await ensureIndex(search, live);
    const entry = byClient.get(search.client) ?? { search, pairs: [] };
    entry.pairs.push({ indexes: [live, `${live}${aside}`], rename: false });
    byClient.set(search.client, entry);
  }
  for (const { search, pairs } of byClient.values()) {
    await settled(search.client.swapIndexes(pairs));
    for (const pair of pairs) await settled(search.client.deleteIndex(pair.indexes[1]));
  }
  const articles = await reindexArticles(portal);
  log(`articles: ${articles} documents`);
  return { drugs: drugs.length, facilities: ids.length, articles, seconds: (performance.now() - started) / 1000 };
}
