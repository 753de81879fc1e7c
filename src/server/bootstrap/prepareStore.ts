import { join } from 'node:path';
import type { Portal } from '../portal.ts';
import { loadCatalogueFromDataDir } from '../catalogueFiles.ts';
import { saveCatalogue, countDrugs } from '../store/drugStore.ts';
import { countFacilities } from '../store/facilityStore.ts';
import { saveRegions } from '../store/regionStore.ts';
import { parseDivisionsCsv } from '../../domain/regions/regionTree.ts';
import { readFileSync } from 'node:fs';
import { seedDemoData } from './demoSeed.ts';
import { reindexAll } from '../search/reindex.ts';

/** The repository's data/ folder with the catalogue and division files. */
export const sourceDataDir = join(process.cwd(), 'data');

/**
 * First start on an empty store: load the real catalogue and regions, then (when configured) the demo
 * register and stock, then build the search indexes. Later starts only rebuild an index that is missing.
 */
export async function prepareStore(portal: Portal, log: (line: string) => void = console.log): Promise<void> {
  let changed = false;
  if ((await countDrugs(portal.store)) === 0) {
    const catalogue = loadCatalogueFromDataDir(sourceDataDir);
    await saveCatalogue(portal.store, catalogue);
    const regions = parseDivisionsCsv(readFileSync(join(sourceDataDir, 'jingdezhen_divisions.csv'), 'utf8'));
    await saveRegions(portal.store, regions);
    log(`catalogue: ${catalogue.length} varieties, ${regions.length} regions`);
    changed = true;
  }
  if (portal.config.DEMO_DATA && (await countFacilities(portal.store)) === 0) {
    const seeded = await seedDemoData(portal.store, sourceDataDir);
    log(`demo data: ${seeded.facilities} facilities, ${seeded.reports} stock reports (示例)`);
    changed = true;
  }
  const stats = await portal.search.client
    .index(portal.search.indexName('drugs'))
    .getStats()
    .catch(() => ({ numberOfDocuments: 0 }));
  if (changed || stats.numberOfDocuments === 0) {
    const report = await reindexAll(portal, log);
    log(`search index rebuilt in ${report.seconds.toFixed(1)} s`);
  }
}
