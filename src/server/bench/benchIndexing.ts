/** Indexing a benchmark store with the portal's own code, timed; shared by bench-search and bench-opendata. */
import type { Portal } from '../portal.ts';
import { configureAvailabilityIndex } from '../search/availabilityIndex.ts';
import { configureDrugIndex, indexDrugs } from '../search/drugIndex.ts';
import type { RunningMeilisearch } from '../search/embeddedMeilisearch.ts';
import { reindexFacilities } from '../search/reindex.ts';
import { loadDrugs } from '../store/drugStore.ts';
import { facilityIds } from '../store/facilityStore.ts';
import { isoDurationSeconds } from './processStats.ts';

const seconds = (from: number) => (performance.now() - from) / 1000;

export interface IndexTiming {
  drugsSeconds: number;
  availabilitySeconds: number;
  indexSeconds: number;
  storeDrugReadSeconds: number;
  meiliTaskSeconds: number;
  meiliTasks: number;
}

/** Sums the durations Meilisearch reports for the document additions on one index. */
async function meiliTaskSeconds(meili: RunningMeilisearch, indexUid: string): Promise<{ seconds: number; tasks: number }> {
  let total = 0;
  let tasks = 0;
  let from: number | null | undefined;
  for (let page = 0; page < 1000; page++) {
    const query = new URLSearchParams({ indexUids: indexUid, types: 'documentAdditionOrUpdate', statuses: 'succeeded', limit: '1000' });
    if (from !== undefined && from !== null) query.set('from', String(from));
    const response = await fetch(`${meili.url}/tasks?${query}`, { headers: { authorization: `Bearer ${meili.masterKey}` } });
    const body = (await response.json()) as { results: { duration: string | null }[]; next: number | null };
    for (const task of body.results) {
      total += isoDurationSeconds(task.duration);
      tasks++;
    }
    from = body.next;
    if (from === null || body.results.length === 0) break;
  }
  return { seconds: total, tasks };
}

/**
 * Indexes with the portal's own code: indexDrugs, then reindexFacilities (store reads in chunks of 500
 * facilities, one addDocuments per chunk, each awaited until Meilisearch reports it succeeded). The timed span
 * runs from the first document sent until the last task succeeded; index settings are applied before it.
 */
export async function indexWithPortalCode(portal: Portal, meili: RunningMeilisearch, log: (line: string) => void): Promise<IndexTiming> {
  await configureDrugIndex(portal.search);
  await configureAvailabilityIndex(portal.search);
  let t = performance.now();
  const drugs = await loadDrugs(portal.store);
  const ids = await facilityIds(portal.store);
  const storeDrugReadSeconds = seconds(t);
  const started = performance.now();
  await indexDrugs(portal.search, drugs);
  const drugsSeconds = seconds(started);
  log(`  drugs index: ${drugs.length} documents in ${drugsSeconds.toFixed(1)} s`);
  t = performance.now();
  let done = 0;
  const chunk = 5000;
  for (let i = 0; i < ids.length; i += chunk) {
    await reindexFacilities(portal, ids.slice(i, i + chunk));
    done = Math.min(ids.length, i + chunk);
    log(`  availability index: ${done} / ${ids.length} facilities, ${seconds(t).toFixed(0)} s`);
  }
  const availabilitySeconds = seconds(t);
  const indexSeconds = seconds(started);
  const tasks = await meiliTaskSeconds(meili, portal.search.indexName('availability'));
  return { drugsSeconds, availabilitySeconds, indexSeconds, storeDrugReadSeconds, meiliTaskSeconds: tasks.seconds, meiliTasks: tasks.tasks };
}
