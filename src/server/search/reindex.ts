import type { Portal } from '../portal.ts';
import { reindexArticles } from '../publishing/articleIndexing.ts';
import { loadDrugs } from '../store/drugStore.ts';
import { facilityIds, loadFacilities } from '../store/facilityStore.ts';
import { stockStatusesByFacility } from '../store/stockStore.ts';
import { configureAvailabilityIndex, enqueueFacilities, facilityDocument } from './availabilityIndex.ts';
import { configureDrugIndex, indexDrugs } from './drugIndex.ts';
import { ensureIndex, indexExists, settled } from './meiliClient.ts';

export interface ReindexReport {
  drugs: number;
  facilities: number;
  articles: number;
  seconds: number;
}

/**
 * Facility documents for the given ids, built from the store in chunks to bound memory. Chunks are sent as
 * they are built and awaited together at the end, so reading the store overlaps Meilisearch's indexing.
 */
export async function reindexFacilities(portal: Portal, ids: string[], indexUid = portal.search.indexName('availability')): Promise<void> {
  const tasks: ReturnType<typeof enqueueFacilities>[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [facilities, stock] = await Promise.all([loadFacilities(portal.store, chunk), stockStatusesByFacility(portal.store, chunk)]);
    if (facilities.length === 0) continue;
    const task = enqueueFacilities(
      portal.search,
      facilities.map((f) => facilityDocument(f, stock.get(f.id) ?? { inStock: [], low: [], out: [] })),
      indexUid,
    );
    // Marked handled now so a failed request cannot crash the process before it is awaited below.
    task.catch(() => undefined);
    tasks.push(task);
  }
  for (const task of tasks) await settled(task);
}

/**
 * Rebuilds both indexes from the store into fresh indexes and swaps them in, so searches keep answering
 * during a rebuild and running it twice gives the same result.
 */
export async function reindexAll(portal: Portal, log: (line: string) => void = () => {}): Promise<ReindexReport> {
  const started = performance.now();
  const { client, indexName } = portal.search;
  const pairs: { indexes: [string, string]; rename: boolean }[] = [];
  const drugs = await loadDrugs(portal.store);
  const ids = await facilityIds(portal.store);
  for (const base of ['drugs', 'availability'] as const) {
    const live = indexName(base);
    const next = `${live}__next`;
    if (await indexExists(portal.search, next)) await settled(client.deleteIndex(next));
    if (base === 'drugs') {
      await configureDrugIndex(portal.search, next);
      await indexDrugs(portal.search, drugs, next);
      log(`drugs: ${drugs.length} documents`);
    } else {
      await configureAvailabilityIndex(portal.search, next);
      await reindexFacilities(portal, ids, next);
      log(`availability: ${ids.length} facility documents`);
    }
    await ensureIndex(portal.search, live);
    pairs.push({ indexes: [live, next], rename: false });
  }
  await settled(client.swapIndexes(pairs));
  for (const pair of pairs) await settled(client.deleteIndex(pair.indexes[1]));
  const articles = await reindexArticles(portal);
  log(`articles: ${articles} documents`);
  return { drugs: drugs.length, facilities: ids.length, articles, seconds: (performance.now() - started) / 1000 };
}
