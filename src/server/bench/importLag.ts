import { importStock } from '../imports/stockImport.ts';
import type { Portal } from '../portal.ts';
import type { FacilityDocument } from '../search/availabilityIndex.ts';
import { availabilityRouter } from '../search/availabilityRouting.ts';
import { loadFacility } from '../store/facilityStore.ts';
import { stockAtFacility } from '../store/stockStore.ts';
import { type LatencySummary, summarise } from './processStats.ts';
import { benchDrugId } from './syntheticRegister.ts';

export interface ImportLag {
  lag: LatencySummary;
  /** The portal's share: read, compare and save, before the document goes to Meilisearch. */
  untilSaved: LatencySummary;
  /** Facilities the imports re-indexed, summed: one per sample when updates flow incrementally. */
  facilitiesReindexed: number;
}

/**
 * Import → searchable, through the path an operator uses (importStock: a one-row stock file, compared with the
 * store, saved, and only the changed facility re-indexed), until the facility's document on its shard lists the
 * drug. Samples spread over `ids`, one at a time. The first file is imported twice: the repeat must write and
 * re-index nothing, or updates are not incremental and the figure would mislead.
 */
export async function measureImportLag(portal: Portal, ids: readonly string[], samples: number): Promise<ImportLag> {
  const router = availabilityRouter(portal);
  const lags: number[] = [];
  const untilSaved: number[] = [];
  let facilitiesReindexed = 0;
  for (let i = 0; i < samples; i++) {
    const id = ids[Math.floor((i * ids.length) / samples)] as string;
    const held = new Set((await stockAtFacility(portal.store, id)).map((r) => r.drugId));
    let k = 0;
    while (held.has(benchDrugId(k))) k++;
    const drugId = benchDrugId(k);
    const file = { fileName: 'bench-lag.csv', text: `facility_code,drug,status,quantity,reported_at\n${id},${drugId},in_stock,1,${new Date().toISOString()}\n` };
    const shard = router.shardOf((await loadFacility(portal.store, id))?.countyCode.slice(0, 2) ?? '');
    const started = performance.now();
    let saved = Number.NaN;
    const result = await importStock(portal, {
      ...file,
      onProgress: (p) => {
        if (p.phase === 'save' && p.done === p.total) saved = performance.now() - started;
      },
    });
    if (result.rejected || result.indexError) throw new Error(`lag import for ${id} failed: ${result.indexError ?? JSON.stringify(result.problems)}`);
    facilitiesReindexed += result.facilitiesReindexed;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const doc = await shard.search.client.index<FacilityDocument>(shard.indexUid).getDocument(id).catch(() => null);
      if (doc?.inStock.includes(drugId)) break;
      if (Date.now() > deadline) throw new Error(`${id}: ${drugId} not searchable 60 s after its import`);
      await new Promise((r) => setTimeout(r, 5));
    }
    lags.push(performance.now() - started);
    untilSaved.push(saved);
    if (i === 0) {
      const again = await importStock(portal, file);
      if (again.imported !== 0 || again.facilitiesReindexed !== 0) throw new Error(`re-importing an unchanged file re-indexed ${again.facilitiesReindexed} facilities`);
    }
  }
  return { lag: summarise(lags), untilSaved: summarise(untilSaved), facilitiesReindexed };
}
