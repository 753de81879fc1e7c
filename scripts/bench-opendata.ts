/**
 * `npm run bench:opendata [-- --facilities 60000 --drugs 1500]`: bulk open data at province scale (docs/scaling.md).
 *
 * Generates a synthetic 江西省 register (N facilities, each reporting every one of D drugs) into a temporary
 * store with the search benchmark's bulk loader, builds the snapshots with the portal's own code (timed; the
 * province's files measured), indexes Meilisearch, starts the portal (`node scripts/start.ts`), then measures
 * citizens' availability requests alone and again while three clients download the province's stock snapshot
 * and one pages the change feed. The last line of output is one JSON object:
 * { facilities, snapshotSeconds, snapshotMB, citizenP95Ms, citizenP95MsUnderBulk }.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom, hashSeed } from '../src/domain/demo/seededRandom.ts';
import { positiveInt } from '../src/server/bench/benchArgs.ts';
import { indexWithPortalCode } from '../src/server/bench/benchIndexing.ts';
import { startPortalServer } from '../src/server/bench/benchPortalServer.ts';
import { citizenLatencies, downloadRepeatedly, emptyTally, pageChangeFeed } from '../src/server/bench/bulkClients.ts';
import { bulkLoadSyntheticRegister } from '../src/server/bench/bulkLoad.ts';
import { summarise } from '../src/server/bench/processStats.ts';
import { benchDrugId, jiangxiBounds } from '../src/server/bench/syntheticRegister.ts';
import { parseConfig } from '../src/server/config.ts';
import { openDataRoot } from '../src/server/openData/openDataRoot.ts';
import { buildSnapshots } from '../src/server/openData/snapshotBuild.ts';
import { openPortal, storePath } from '../src/server/portal.ts';
import { startEmbeddedMeilisearch } from '../src/server/search/embeddedMeilisearch.ts';
import { openSqliteStore } from '../src/server/store/openStore.ts';

const repoRoot = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    facilities: { type: 'string', default: '60000' },
    drugs: { type: 'string', default: '1500' },
    seconds: { type: 'string', default: '20' },
    citizens: { type: 'string', default: '8' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});

const facilities = positiveInt('facilities', args.facilities, 1_000_000);
const drugs = positiveInt('drugs', args.drugs, 9999);
const measureSeconds = positiveInt('seconds', args.seconds, 3600);
const citizens = positiveInt('citizens', args.citizens, 256);
const log = (line: string) => console.log(line);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) await Promise.resolve(step()).catch((error) => console.error(`clean-up: ${String(error)}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

/** Nearby-availability questions spread over the province, as bench-search asks them. */
function citizenPaths(count: number): string[] {
  const rnd = createRandom(hashSeed('bench-opendata', facilities, drugs));
  const { minLat, maxLat, minLng, maxLng } = jiangxiBounds;
  return Array.from({ length: count }, () => {
    const params = new URLSearchParams({ lat: rnd.float(minLat, maxLat).toFixed(5), lng: rnd.float(minLng, maxLng).toFixed(5), radius: String(rnd.int(10, 30)), limit: '30' });
    return `/api/drugs/${benchDrugId(rnd.int(0, drugs - 1))}/availability?${params}`;
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'drug-portal-opendata-'));
  cleanups.push(() => (args.keep ? log(`kept ${dataDir}`) : rmSync(dataDir, { recursive: true, force: true })));
  log(`Open data benchmark: ${facilities} facilities × ${drugs} drugs; data directory ${dataDir}; load average ${load()}`);

  log('1. Generating the register into the store…');
  const file = storePath(parseConfig({ DATA_DIR: dataDir }));
  await (await openSqliteStore(file)).destroy();
  const loaded = bulkLoadSyntheticRegister(file, { facilities, varieties: drugs, perFacility: drugs, progress: log });
  log(`  ${loaded.stockRows.toLocaleString('en')} stock rows`);

  log('2. Building the snapshots…');
  const meili = await startEmbeddedMeilisearch(dataDir, (line) => console.error(`[meilisearch] ${line}`));
  cleanups.push(() => meili.stop());
  const portal = await openPortal(parseConfig({ DATA_DIR: dataDir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, DEMO_DATA: '0', MEILI_INDEX_PREFIX: '' }));
  cleanups.push(() => portal.close());
  const built = await buildSnapshots(portal.store, openDataRoot(portal.config), { progress: log });
  const province = built.index.regions.filter((r) => r.level === 'province');
  const snapshotMB = province.flatMap((r) => r.files).reduce((sum, f) => sum + f.bytes, 0) / 1e6;
  const totalMB = built.index.regions.flatMap((r) => r.files).reduce((sum, f) => sum + f.bytes, 0) / 1e6;
  log(`  ${fmt(built.seconds)} s; province ${province.map((r) => r.code).join(', ')}: ${fmt(snapshotMB)} MB; all ${built.index.regions.length} regions: ${fmt(totalMB)} MB`);
  for (const f of province[0]?.files ?? []) log(`    ${f.name.padEnd(22)} ${fmt(f.bytes / 1e6, 2).padStart(10)} MB  ${f.rows ?? ''}`);

  log('3. Indexing Meilisearch and starting the portal…');
  await indexWithPortalCode(portal, meili, log);
  const server = await startPortalServer(repoRoot, dataDir, meili, log);
  cleanups.push(() => server.stop());

  const paths = citizenPaths(500);
  log(`4. Citizens alone: ${citizens} clients for ${measureSeconds} s (after a short warm-up)…`);
  await citizenLatencies(server.url, paths.slice(0, 50), citizens, 2);
  const alone = await citizenLatencies(server.url, paths, citizens, measureSeconds);
  const aloneSummary = summarise(alone.ms);
  log(`  ${alone.ms.length} answers, p50 ${fmt(aloneSummary.p50)} p95 ${fmt(aloneSummary.p95)} p99 ${fmt(aloneSummary.p99)} ms, errors ${alone.errors}; load ${load()}`);

  const stockUrl = `${server.url}/open-data/downloads/${province[0]?.code ?? '360000'}/stock.csv.gz`;
  log(`5. Citizens while 3 clients download ${stockUrl.replace(server.url, '')} and 1 pages the change feed…`);
  const stop = new AbortController();
  const tally = emptyTally();
  const bulk = [
    downloadRepeatedly(stockUrl, stop.signal, tally),
    downloadRepeatedly(stockUrl, stop.signal, tally),
    downloadRepeatedly(stockUrl, stop.signal, tally),
    pageChangeFeed(server.url, stop.signal, tally),
  ];
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const under = await citizenLatencies(server.url, paths, citizens, measureSeconds);
  stop.abort();
  await Promise.all(bulk);
  const underSummary = summarise(under.ms);
  log(`  ${under.ms.length} answers, p50 ${fmt(underSummary.p50)} p95 ${fmt(underSummary.p95)} p99 ${fmt(underSummary.p99)} ms, errors ${under.errors}; load ${load()}`);
  log(`  bulk clients meanwhile: ${tally.downloads} whole downloads, ${fmt(tally.downloadMB)} MB read, ${tally.feedPages} feed pages (${tally.feedItems} changes), ${tally.errors} errors`);

  await cleanUp();
  console.log(
    JSON.stringify({
      facilities,
      snapshotSeconds: Number(built.seconds.toFixed(1)),
      snapshotMB: Number(snapshotMB.toFixed(1)),
      citizenP95Ms: Number(aloneSummary.p95.toFixed(1)),
      citizenP95MsUnderBulk: Number(underSummary.p95.toFixed(1)),
    }),
  );
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
