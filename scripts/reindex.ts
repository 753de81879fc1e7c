/** Rebuilds the Meilisearch indexes from the store. Safe to run any time: it builds aside and swaps. */
import { config } from '../src/server/config.ts';
import { openPortal } from '../src/server/portal.ts';
import { reindexAll } from '../src/server/search/reindex.ts';

const portal = await openPortal(config());
try {
  const report = await reindexAll(portal, (line) => console.log(line));
  console.log(`Reindexed ${report.drugs} drugs, ${report.facilities} facilities and ${report.articles} articles in ${report.seconds.toFixed(1)} s`);
} finally {
  await portal.close();
}
