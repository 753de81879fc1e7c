import { afterAll, beforeAll, test } from 'vitest';
import type { Portal } from '../../src/server/portal.ts';
import { loadCatalogueFromDataDir } from '../../src/server/catalogueFiles.ts';
import { configureDrugIndex, indexDrugs, scoredDrugHits } from '../../src/server/search/drugIndex.ts';
import { loadDrugs, saveCatalogue } from '../../src/server/store/drugStore.ts';
import { openTestPortal } from '../support/testPortal.ts';
let portal: Portal;
beforeAll(async () => {
  portal = await openTestPortal({ demo: false });
  await saveCatalogue(portal.store, loadCatalogueFromDataDir('data'));
  await configureDrugIndex(portal.search);
  await indexDrugs(portal.search, await loadDrugs(portal.store));
});
afterAll(async () => { await portal?.close(); });
test('print', async () => {
  const qs = (process.env.QS ?? '').split('|');
  for (const q of qs) {
    const hits = await scoredDrugHits(portal.search, q, 6);
    console.log(q.padEnd(10), hits.map((h) => `${h.hit.name}:${h.score.toFixed(3)}`).join('  '));
  }
});
