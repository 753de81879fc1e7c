/**
 * `npm run bench:search -- --facilities 60000`: province-scale search benchmark (docs/scaling.md).
 *
 * Generates a synthetic 江西省 register (N facilities, K of V varieties each) into a temporary store, indexes
 * it with the portal's own reindex code into one Meilisearch, starts the portal (`node scripts/start.ts`)
 * against both, then times "where to get it near me" through the portal's API beside the identical request
 * sent straight to Meilisearch. Everything runs on loopback; the temporary directory is removed afterwards
 * unless --keep. The last line of output is one JSON object with the headline figures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRandom, hashSeed } from '../src/domain/demo/seededRandom.ts';
import { type AvailabilityQuery, availabilityQuery } from '../src/domain/stock/availabilityQuery.ts';
import { type ProfileStep, plainSearchConnection, profileAvailability } from '../src/server/bench/availabilityProfile.ts';
import { bulkLoadSyntheticRegister } from '../src/server/bench/bulkLoad.ts';
import { runProvinceBenchmark } from '../src/server/bench/provinceBenchmark.ts';
import { benchProvinceCodes } from '../src/server/bench/provinceSpread.ts';
import {
  childPidsNamed,
  currentRssMB,
  directorySizeMB,
  isoDurationSeconds,
  type LatencySummary,
  peakRssMB,
  summarise,
} from '../src/server/bench/processStats.ts';
import { benchDrugId, jiangxiBounds } from '../src/server/bench/syntheticRegister.ts';
import { parseConfig } from '../src/server/config.ts';
import { openPortal, type Portal, storePath } from '../src/server/portal.ts';
import { availabilitySearchParams, configureAvailabilityIndex } from '../src/server/search/availabilityIndex.ts';
import { configureDrugIndex, indexDrugs } from '../src/server/search/drugIndex.ts';
import { freeLoopbackPort, type RunningMeilisearch, startEmbeddedMeilisearch } from '../src/server/search/embeddedMeilisearch.ts';
import { reindexFacilities } from '../src/server/search/reindex.ts';
import { loadDrugs } from '../src/server/store/drugStore.ts';
import { facilityIds } from '../src/server/store/facilityStore.ts';
import { openSqliteStore } from '../src/server/store/openStore.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- options

const { values: args } = parseArgs({
  options: {
    facilities: { type: 'string', default: '2000' },
    varieties: { type: 'string', default: '3000' },
    'per-facility': { type: 'string', default: '1500' },
    queries: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
    /** N provinces, each on its own Meilisearch, routed by the portal (provinceBenchmark.ts); --facilities is per province. */
    provinces: { type: 'string' },
    'max-indexing-memory': { type: 'string' },
    'lag-samples': { type: 'string', default: '20' },
  },
  strict: true,
});

function positiveInt(name: string, raw: string | undefined, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be a whole number from 1 to ${max} (got ${raw})`);
    process.exit(2);
  }
  return n;
}

const facilities = positiveInt('facilities', args.facilities, 1_000_000);
const varieties = positiveInt('varieties', args.varieties, 9999);
const perFacility = Math.min(positiveInt('per-facility', args['per-facility'], 9999), varieties);
const queries = positiveInt('queries', args.queries, 100_000);
const concurrency = positiveInt('concurrency', args.concurrency, 64);
const warmupQueries = 20;
const limit = 30;

// ---------------------------------------------------------------- clean-up

const cleanups: (() => Promise<void> | void)[] = [];
let cleanedUp = false;
async function cleanUp(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`clean-up: ${String(error)}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const log = (line: string) => console.log(line);

// ---------------------------------------------------------------- portal server

interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `node scripts/start.ts` (what npm start runs) in its own process group, so a build it starts stops with it. */
async function startPortalServer(dataDir: string, meili: RunningMeilisearch): Promise<RunningServer> {
  const port = await freeLoopbackPort();
  const logPath = join(dataDir, 'portal-server.log');
  const out = openSync(logPath, 'a');
  const child: ChildProcess = spawn(process.execPath, [join('scripts', 'start.ts')], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      // One load generator is one client: the per-client API limit is a policy, not the capacity measured here.
      API_REQUESTS_PER_MINUTE: '100000000',
      // As under `npm start`: node_modules/.bin first, so the astro build start.ts may run uses this Node too.
      PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: '0',
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: '',
      LOG_LEVEL: 'warn',
    },
  });
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the portal server');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const url = `http://127.0.0.1:${port}`;
  // Generous: start.ts rebuilds the site first when dist/ is older than the sources (not timed).
  const deadline = Date.now() + 15 * 60_000;
  let announcedBuild = false;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the portal server exited (${child.exitCode ?? child.signalCode}); see ${logPath}:\n${tail(logPath)}`);
    }
    if (!announcedBuild && readFileSync(logPath, 'utf8').includes('Building the portal')) {
      log('  dist/ is older than the sources: start.ts is building the site first (not timed)…');
      announcedBuild = true;
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return { url, pid, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`the portal server did not answer /healthz within 15 minutes; see ${logPath}`);
}

function tail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------- queries

interface BenchQuery {
  drugId: string;
  path: string;
  /** The exact body the portal's meilisearch client posts for this query. */
  rawBody: string;
}

function makeQueries(count: number, seed: string): BenchQuery[] {
  const rnd = createRandom(hashSeed('bench-queries', seed, facilities, varieties));
  const { minLat, maxLat, minLng, maxLng } = jiangxiBounds;
  const list: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const drugId = benchDrugId(rnd.int(0, varieties - 1));
    const params = {
      lat: rnd.float(minLat, maxLat).toFixed(5),
      lng: rnd.float(minLng, maxLng).toFixed(5),
      radius: String(rnd.int(10, 30)),
      limit: String(limit),
    };
    // Parsed by the same schema the route uses, so the raw request carries the very numbers the portal sends.
    const parsed: AvailabilityQuery = availabilityQuery.parse(params);
    list.push({
      drugId,
      path: `/api/drugs/${drugId}/availability?${new URLSearchParams(params)}`,
      rawBody: JSON.stringify({ q: '', ...availabilitySearchParams(drugId, parsed) }),
    });
  }
  return list;
}

interface Sample {
  ms: number;
  ids: string[];
  total: number;
  bytes: number;
}

async function timed(request: () => Promise<Response>): Promise<{ ms: number; body: string; status: number }> {
  const start = performance.now();
  const response = await request();
  const body = await response.text();
  return { ms: performance.now() - start, body, status: response.status };
}

async function viaPortal(portalUrl: string, q: BenchQuery): Promise<Sample> {
  const r = await timed(() => fetch(`${portalUrl}${q.path}`, { signal: AbortSignal.timeout(60_000) }));
  if (r.status !== 200) throw new Error(`portal ${q.path} answered ${r.status}: ${r.body.slice(0, 300)}`);
  const parsed = JSON.parse(r.body) as { total: number; facilities: { id: string }[] };
  return { ms: r.ms, ids: parsed.facilities.map((f) => f.id), total: parsed.total, bytes: Buffer.byteLength(r.body) };
}

/**
 * The portal's request sent straight to Meilisearch. Normally it asks for an uncompressed response; with
 * `compressed` the headers are fetch's defaults, as the portal's meilisearch client sends them (gzip, deflate,
 * br accepted), and Meilisearch then streams a compressed body in chunks, which on loopback often stalls for
 * ~40 ms (Nagle's algorithm on its socket meeting our delayed ACK). See docs/scaling.md.
 */
async function viaMeilisearch(meili: RunningMeilisearch, q: BenchQuery, compressed: boolean): Promise<Sample> {
  const headers: Record<string, string> = { authorization: `Bearer ${meili.masterKey}`, 'content-type': 'application/json' };
  if (!compressed) headers['accept-encoding'] = 'identity';
  const r = await timed(() =>
    fetch(`${meili.url}/indexes/availability/search`, { method: 'POST', headers, body: q.rawBody, signal: AbortSignal.timeout(60_000) }),
  );
  if (r.status !== 200) throw new Error(`meilisearch answered ${r.status}: ${r.body.slice(0, 300)}`);
  const parsed = JSON.parse(r.body) as { estimatedTotalHits?: number; hits: { id: string }[] };
  return { ms: r.ms, ids: parsed.hits.map((h) => h.id), total: parsed.estimatedTotalHits ?? parsed.hits.length, bytes: Buffer.byteLength(r.body) };
}

interface PairResult {
  portal: Sample;
  /** the identical search straight to Meilisearch, uncompressed response */
  raw: Sample;
  /** the identical search with the headers the portal's client sends (compressed response) */
  compressed: Sample;
}

/**
 * Each worker takes the next query and sends it the three ways, one after the other; which goes first rotates
 * from query to query so that no way always finds Meilisearch's pages freshly warmed by another.
 */
async function runPairs(list: BenchQuery[], workers: number, portalUrl: string, meili: RunningMeilisearch): Promise<PairResult[]> {
  const results: PairResult[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      const q = list[i] as BenchQuery;
      const legs = [
        async () => ({ portal: await viaPortal(portalUrl, q) }),
        async () => ({ raw: await viaMeilisearch(meili, q, false) }),
        async () => ({ compressed: await viaMeilisearch(meili, q, true) }),
      ];
      const result: Partial<PairResult> = {};
      for (let k = 0; k < legs.length; k++) Object.assign(result, await (legs[(i + k) % legs.length] as () => Promise<Partial<PairResult>>)());
      results[i] = result as PairResult;
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, list.length) }, worker));
  return results;
}

interface Agreement {
  identical: number;
  /** Portal list is Meilisearch's with some rows left out (allowed: the store is the truth). */
  subset: number;
  mismatched: number;
  firstMismatch?: string;
}

function agreement(list: BenchQuery[], results: PairResult[]): Agreement {
  const a: Agreement = { identical: 0, subset: 0, mismatched: 0 };
  results.forEach(({ portal, raw }, i) => {
    if (portal.ids.length === raw.ids.length && portal.ids.every((id, k) => id === raw.ids[k])) {
      a.identical++;
      return;
    }
    let k = 0;
    for (const id of raw.ids) if (id === portal.ids[k]) k++;
    if (k === portal.ids.length) {
      a.subset++;
    } else {
      a.mismatched++;
      a.firstMismatch ??= `${list[i]?.path}: portal [${portal.ids.slice(0, 5).join(', ')}…] vs meilisearch [${raw.ids.slice(0, 5).join(', ')}…]`;
    }
  });
  return a;
}

// ---------------------------------------------------------------- indexing

interface IndexTiming {
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
async function indexWithPortalCode(portal: Portal, meili: RunningMeilisearch): Promise<IndexTiming> {
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

// ---------------------------------------------------------------- report helpers

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const row = (label: string, value: string) => log(`  ${label.padEnd(44)} ${value}`);
const latencyRow = (label: string, s: LatencySummary) =>
  row(label, `p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)}  mean ${fmt(s.mean)} ms`);
const mean = (xs: number[]) => (xs.length === 0 ? Number.NaN : xs.reduce((s, x) => s + x, 0) / xs.length);

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'drug-portal-bench-'));
  cleanups.push(() => {
    if (args.keep) log(`kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  });
  if (args.provinces !== undefined) {
    log(`  load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const figures = await runProvinceBenchmark({
      dataDir,
      provinces: positiveInt('provinces', args.provinces, benchProvinceCodes.length),
      facilities,
      varieties,
      perFacility,
      queries,
      concurrency,
      maxIndexingMemory: args['max-indexing-memory'],
      lagSamples: positiveInt('lag-samples', args['lag-samples'], 1000),
      log,
      onCleanup: (step) => cleanups.push(step),
    });
    log(`  load average at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    await cleanUp();
    console.log(JSON.stringify(figures));
    return;
  }
  log(`Search benchmark: ${facilities} facilities × ${perFacility} of ${varieties} varieties, ${queries} queries at concurrency ${concurrency}`);
  log(`  data directory ${dataDir}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  // 1. Synthetic register straight into a migrated store.
  log('1. Generating the register into the store…');
  const file = storePath(parseConfig({ DATA_DIR: dataDir }));
  await (await openSqliteStore(file)).destroy();
  let t = performance.now();
  const load = bulkLoadSyntheticRegister(file, { facilities, varieties, perFacility, progress: log });
  const generationSeconds = seconds(t);
  const storeMB = directorySizeMB(file) + directorySizeMB(`${file}-wal`);
  log(`  ${load.stockRows.toLocaleString('en')} stock rows in ${fmt(generationSeconds)} s (${fmt(storeMB, 0)} MB)`);

  // 2. One Meilisearch, indexed with the portal's code.
  log('2. Starting Meilisearch and indexing…');
  const meili = await startEmbeddedMeilisearch(dataDir, (line) => console.error(`[meilisearch] ${line}`));
  cleanups.push(() => meili.stop());
  const meiliPid = childPidsNamed(process.pid, 'meilisearch')[0];
  const portal = await openPortal(
    parseConfig({ DATA_DIR: dataDir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, DEMO_DATA: '0', MEILI_INDEX_PREFIX: '' }),
  );
  cleanups.push(() => portal.close());
  const indexing = await indexWithPortalCode(portal, meili);
  const meiliDiskMB = directorySizeMB(join(dataDir, 'meilisearch'));
  log(`  indexed in ${fmt(indexing.indexSeconds)} s (Meilisearch ${fmt(meiliDiskMB, 0)} MB on disk)`);

  // 3. The portal server against that data.
  log('3. Starting the portal server (node scripts/start.ts)…');
  t = performance.now();
  const server = await startPortalServer(dataDir, meili);
  cleanups.push(() => server.stop());
  log(`  ready at ${server.url} after ${fmt(seconds(t))} s`);

  // 4. Queries.
  log(`4. Warming up with ${warmupQueries} queries, then ${queries} measured pairs…`);
  await runPairs(makeQueries(warmupQueries, 'warm-up'), concurrency, server.url, meili);
  const list = makeQueries(queries, 'measured');
  t = performance.now();
  const results = await runPairs(list, concurrency, server.url, meili);
  const measureSeconds = seconds(t);
  // Other work on the machine skews latency; the 1-minute load average right after the measurement says how much.
  const loadAfter = loadavg()[0] ?? Number.NaN;
  // Same queries one at a time: overhead without the two processes competing for two cores.
  const sequential = await runPairs(list.slice(0, Math.min(queries, 200)), 1, server.url, meili);
  const portalRss = peakRssMB(server.pid);
  const meiliRss = meiliPid === undefined ? null : peakRssMB(meiliPid);
  const portalRssNow = currentRssMB(server.pid);
  const meiliRssNow = meiliPid === undefined ? null : currentRssMB(meiliPid);

  // In-process breakdown of the portal's work for the same queries (sequential).
  const steps: ProfileStep[] = [];
  const plainSearch = plainSearchConnection(portal.search, meili.url, meili.masterKey);
  for (const q of list.slice(0, Math.min(queries, 200))) {
    const params = Object.fromEntries(new URL(q.path, 'http://x').searchParams);
    steps.push(await profileAvailability(portal, plainSearch, q.drugId, availabilityQuery.parse(params)));
  }

  await server.stop();

  // 5. Report.
  const portalLatency = summarise(results.map((r) => r.portal.ms));
  const rawLatency = summarise(results.map((r) => r.raw.ms));
  const compressedLatency = summarise(results.map((r) => r.compressed.ms));
  const seqPortal = summarise(sequential.map((r) => r.portal.ms));
  const seqRaw = summarise(sequential.map((r) => r.raw.ms));
  const seqCompressed = summarise(sequential.map((r) => r.compressed.ms));
  const agree = agreement(list, results);
  const overheadP95 = ((portalLatency.p95 - rawLatency.p95) / rawLatency.p95) * 100;
  const avgHits = mean(results.map((r) => r.raw.ids.length));
  const avgTotal = mean(results.map((r) => r.raw.total));

  log('');
  log(`Results (${new Date().toISOString()}, ${process.version}, Meilisearch via ${meili.url})`);
  row('facilities / varieties / per facility', `${facilities} / ${varieties} / ${perFacility}`);
  row('stock rows', load.stockRows.toLocaleString('en'));
  row('generation (insert + drug_id index)', `${fmt(generationSeconds)} s (${fmt(load.insertSeconds)} + ${fmt(load.indexSeconds)})`);
  row('store size', `${fmt(storeMB, 0)} MB`);
  row('indexSeconds: portal reindex code, timed', `${fmt(indexing.indexSeconds)} s (drugs ${fmt(indexing.drugsSeconds)} s, availability ${fmt(indexing.availabilitySeconds)} s)`);
  row('  of which Meilisearch task time (avail.)', `${fmt(indexing.meiliTaskSeconds)} s over ${indexing.meiliTasks} tasks; rest = store reads + JSON + HTTP`);
  row('  (store read of drugs + facility ids)', `${fmt(indexing.storeDrugReadSeconds)} s, before the timed span`);
  row('Meilisearch data on disk', `${fmt(meiliDiskMB, 0)} MB`);
  row('query pairs / concurrency / wall', `${queries} / ${concurrency} / ${fmt(measureSeconds)} s`);
  row('load average (1 min) after measuring', `${fmt(loadAfter, 2)} on ${availableParallelism()} cores`);
  row('hits per query (mean) / matches in radius', `${fmt(avgHits)} / ${fmt(avgTotal)}`);
  row('response bytes portal / raw (mean)', `${fmt(mean(results.map((r) => r.portal.bytes)), 0)} / ${fmt(mean(results.map((r) => r.raw.bytes)), 0)}`);
  latencyRow(`portal API (concurrency ${concurrency})`, portalLatency);
  latencyRow(`raw Meilisearch (concurrency ${concurrency})`, rawLatency);
  latencyRow(`raw, compressed as portal asks (conc. ${concurrency})`, compressedLatency);
  row('portal overhead at p95', `${fmt(overheadP95)} % over raw (goal ≤ 30 %); ${fmt(((portalLatency.p95 - compressedLatency.p95) / compressedLatency.p95) * 100)} % over compressed`);
  latencyRow(`portal API (sequential, ${sequential.length})`, seqPortal);
  latencyRow(`raw Meilisearch (sequential, ${sequential.length})`, seqRaw);
  latencyRow(`raw, compressed as portal asks (sequential)`, seqCompressed);
  row(
    'portal overhead at p95, sequential',
    `${fmt(((seqPortal.p95 - seqRaw.p95) / seqRaw.p95) * 100)} % over raw; ${fmt(((seqPortal.p95 - seqCompressed.p95) / seqCompressed.p95) * 100)} % over compressed`,
  );
  row('  raw = Accept-Encoding: identity;', 'compressed = fetch defaults (gzip, br), what the portal\'s client sends');
  row('result agreement', `${agree.identical} identical, ${agree.subset} subset, ${agree.mismatched} mismatched`);
  if (agree.firstMismatch) row('  first mismatch', agree.firstMismatch);
  log(`  in-process breakdown of the portal's work (sequential, ${steps.length} queries, p50 / p95 ms):`);
  for (const key of [
    'drugExists', 'indexSearch', 'indexSearchPlain', 'loadFacilities', 'stockForDrug', 'rowExtras', 'availabilityOf',
    'availabilityOfPlain', 'serialise',
  ] as const) {
    const s = summarise(steps.map((x) => x[key]));
    row(`    ${key}`, `${fmt(s.p50, 2)} / ${fmt(s.p95, 2)}`);
  }
  row('    response bytes (mean)', fmt(mean(steps.map((x) => x.bytes)), 0));
  const mb = (n: number | null) => (n === null ? 'unknown' : `${fmt(n, 0)} MB`);
  row('peak RSS Meilisearch (VmHWM, incl. indexing)', `${mb(meiliRss)}; ${mb(meiliRssNow)} after the queries (pid ${meiliPid})`);
  row('peak RSS portal server (VmHWM)', `${mb(portalRss)}; ${mb(portalRssNow)} after the queries (pid ${server.pid})`);
  row('rssMB (JSON) = sum of the two peaks', mb((meiliRss ?? 0) + (portalRss ?? 0)));
  row('peak RSS this benchmark process', `${fmt(peakRssMB(process.pid) ?? Number.NaN, 0)} MB (not in rssMB)`);

  await cleanUp();
  const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
  console.log(
    JSON.stringify({
      facilities,
      pairs: results.length,
      indexSeconds: round(indexing.indexSeconds),
      portalP50Ms: round(portalLatency.p50, 2),
      portalP95Ms: round(portalLatency.p95, 2),
      rawP50Ms: round(rawLatency.p50, 2),
      rawP95Ms: round(rawLatency.p95, 2),
      rssMB: round((meiliRss ?? 0) + (portalRss ?? 0), 0),
    }),
  );
}

main()
  .catch(async (error) => {
    console.error(error);
    await cleanUp();
    process.exitCode = 1;
  })
  .finally(() => {
    // Keep-alive sockets and the store handle must not keep the process alive after the report.
    setTimeout(() => process.exit(), 1000).unref();
  });
