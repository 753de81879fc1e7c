/**
 * `npm run bench:search -- --provinces N`: the nation in miniature. N synthetic provinces side by side, each on
 * its own embedded Meilisearch (loopback), indexed and queried through the portal's routing
 * (availabilityRouting.ts); the same documents also go into one index on one more instance, so the routing's
 * gain is measured beside the one-index figure. The portal is measured in-process (availabilityOf, which
 * includes routing, fan-out, merge and the store reads), raw is the same routed requests sent straight to the
 * shards with fetch and merged; no HTTP server in front (the single-province run measures that).
 */
import { join } from 'node:path';
import { createRandom, hashSeed } from '../../domain/demo/seededRandom.ts';
import { type AvailabilityQuery, availabilityQuery } from '../../domain/stock/availabilityQuery.ts';
import { provinceOfPoint } from '../../domain/facilities/provinceBounds.ts';
import { mergeByDistance } from '../../domain/search/mergeByDistance.ts';
import { parseConfig } from '../config.ts';
import { openPortal, type Portal, storePath } from '../portal.ts';
import { availabilitySearchParams } from '../search/availabilityIndex.ts';
import { type AvailabilityShard, availabilityRouter, shardsForQuery } from '../search/availabilityRouting.ts';
import { type RunningMeilisearch, startEmbeddedMeilisearch } from '../search/embeddedMeilisearch.ts';
import { configureAvailabilityShards, reindexFacilities } from '../search/reindex.ts';
import { availabilityOf } from '../services/availability.ts';
import { facilityIds } from '../store/facilityStore.ts';
import { openSqliteStore } from '../store/openStore.ts';
import { bulkLoadSyntheticRegister } from './bulkLoad.ts';
import { measureImportLag } from './importLag.ts';
import { childPidsNamed, directorySizeMB, type LatencySummary, peakRssMB, summarise } from './processStats.ts';
import { provinceWidthDeg, spreadIntoProvinces } from './provinceSpread.ts';
import { benchDrugId, jiangxiBounds } from './syntheticRegister.ts';

export interface ProvinceBenchOptions {
  dataDir: string;
  provinces: number;
  /** Facilities per province. */
  facilities: number;
  varieties: number;
  perFacility: number;
  queries: number;
  concurrency: number;
  /** --max-indexing-memory for every embedded instance, e.g. "1GiB"; unset = Meilisearch's default. */
  maxIndexingMemory?: string;
  lagSamples: number;
  log: (line: string) => void;
  onCleanup: (step: () => Promise<void> | void) => void;
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

interface Instance {
  meili: RunningMeilisearch;
  pid: number | undefined;
  dir: string;
}

async function startInstance(dir: string, options: ProvinceBenchOptions): Promise<Instance> {
  const before = new Set(childPidsNamed(process.pid, 'meilisearch'));
  const meili = await startEmbeddedMeilisearch(dir, (line) => console.error(`[meilisearch ${dir}] ${line}`), {
    maxIndexingMemory: options.maxIndexingMemory,
  });
  options.onCleanup(() => meili.stop());
  const pid = childPidsNamed(process.pid, 'meilisearch').find((p) => !before.has(p));
  return { meili, pid, dir };
}

async function rawSearch(shard: AvailabilityShard, url: string, key: string, drugId: string, q: AvailabilityQuery) {
  const response = await fetch(`${url}/indexes/${shard.indexUid}/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' },
    body: JSON.stringify({ q: '', ...availabilitySearchParams(drugId, q) }),
  });
  const body = (await response.json()) as { hits: { id: string; _geoDistance?: number }[] };
  if (response.status !== 200) throw new Error(`Meilisearch answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.hits.map((h) => ({ id: h.id, distanceKm: typeof h._geoDistance === 'number' ? h._geoDistance / 1000 : null }));
}

async function pool<T>(count: number, workers: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

export async function runProvinceBenchmark(o: ProvinceBenchOptions): Promise<Record<string, number>> {
  const { log } = o;
  const total = o.provinces * o.facilities;
  log(`Province benchmark: ${o.provinces} provinces × ${o.facilities} facilities × ${o.perFacility} of ${o.varieties} varieties`);
  log(`  max indexing memory per instance: ${o.maxIndexingMemory ?? "Meilisearch's default (2/3 of RAM)"}`);

  log('1. Generating the register and spreading it over the provinces…');
  const file = storePath(parseConfig({ DATA_DIR: o.dataDir }));
  await (await openSqliteStore(file)).destroy();
  let t = performance.now();
  const load = bulkLoadSyntheticRegister(file, { facilities: total, varieties: o.varieties, perFacility: o.perFacility });
  const codes = spreadIntoProvinces(file, o.provinces);
  log(`  ${load.stockRows.toLocaleString('en')} stock rows in ${fmt(seconds(t))} s; provinces ${codes.join(', ')}`);

  log(`2. Starting ${o.provinces} province instances and one one-index instance…`);
  const main = await startInstance(join(o.dataDir, 'main'), o);
  const shards: Instance[] = [];
  for (const code of codes) shards.push(await startInstance(join(o.dataDir, `province-${code}`), o));
  const provincesConfig = Object.fromEntries(codes.map((code, i) => [code, { url: shards[i]?.meili.url, key: shards[i]?.meili.masterKey }]));
  const base = { DATA_DIR: o.dataDir, MEILI_URL: main.meili.url, MEILI_MASTER_KEY: main.meili.masterKey, DEMO_DATA: '0' };
  const routed = await openPortal(parseConfig({ ...base, MEILI_PROVINCES: JSON.stringify(provincesConfig) }));
  o.onCleanup(() => routed.close());
  const oneIndex: Portal = { ...routed, config: { ...routed.config, MEILI_PROVINCES: {}, MEILI_INDEX_PREFIX: 'one_' }, search: { ...routed.search, indexName: (b) => `one_${b}` } };

  log('3. Indexing through the routing, then the same documents into one index…');
  const ids = await facilityIds(routed.store);
  await configureAvailabilityShards(routed);
  t = performance.now();
  await reindexFacilities(routed, ids);
  const routedIndexSeconds = seconds(t);
  log(`  routed: ${ids.length} facilities in ${fmt(routedIndexSeconds)} s`);
  await configureAvailabilityShards(oneIndex);
  t = performance.now();
  await reindexFacilities(oneIndex, ids);
  const oneIndexSeconds = seconds(t);
  log(`  one index: ${ids.length} facilities in ${fmt(oneIndexSeconds)} s`);

  log(`4. Lag from a stock import to searchable (${o.lagSamples} facilities, one at a time)…`);
  const router = availabilityRouter(routed);
  const { lag, untilSaved, facilitiesReindexed } = await measureImportLag(routed, ids, o.lagSamples);
  log(`  import → searchable p50 ${fmt(lag.p50)} ms, p95 ${fmt(lag.p95)} ms (read + compare + save p95 ${fmt(untilSaved.p95)} ms; ${facilitiesReindexed} facilities re-indexed for ${o.lagSamples} one-row imports)`);

  log(`5. ${o.queries} queries at concurrency ${o.concurrency}: portal (routed), raw routed, raw one index…`);
  const boxes = await router.provinceBoxes();
  const rnd = createRandom(hashSeed('bench-provinces', o.provinces, o.facilities));
  const list = Array.from({ length: o.queries }, () => {
    const lat = rnd.float(jiangxiBounds.minLat, jiangxiBounds.maxLat);
    const lng = rnd.float(jiangxiBounds.minLng, jiangxiBounds.minLng + o.provinces * provinceWidthDeg);
    return {
      drugId: benchDrugId(rnd.int(0, o.varieties - 1)),
      q: availabilityQuery.parse({ lat: lat.toFixed(5), lng: lng.toFixed(5), radius: String(rnd.int(10, 30)), limit: '30' }),
      province: provinceOfPoint(boxes, lat, lng) ?? '?',
    };
  });
  const urlOf = new Map<AvailabilityShard, { url: string; key: string }>();
  for (const code of codes) {
    const i = codes.indexOf(code);
    urlOf.set(router.shardOf(code), { url: shards[i]?.meili.url ?? '', key: shards[i]?.meili.masterKey ?? '' });
  }
  const oneShard = availabilityRouter(oneIndex).shards[0] as AvailabilityShard;
  const measure = async (i: number) => {
    const { drugId, q } = list[i] as (typeof list)[number];
    let s = performance.now();
    const result = await availabilityOf(routed, drugId, q);
    const portalMs = performance.now() - s;
    s = performance.now();
    const reached = await shardsForQuery(router, q);
    const answers = await Promise.all(reached.map((shard) => { const at = urlOf.get(shard); return rawSearch(shard, at?.url ?? '', at?.key ?? '', drugId, q); }));
    const merged = mergeByDistance(answers, q.limit);
    const rawMs = performance.now() - s;
    s = performance.now();
    await rawSearch(oneShard, main.meili.url, main.meili.masterKey, drugId, q);
    const oneMs = performance.now() - s;
    return { portalMs, rawMs, oneMs, fanOut: reached.length, hits: merged.length, rows: result.facilities.length };
  };
  await pool(Math.min(20, o.queries), o.concurrency, measure);
  const results = await pool(list.length, o.concurrency, measure);

  const portal = summarise(results.map((r) => r.portalMs));
  const raw = summarise(results.map((r) => r.rawMs));
  const one = summarise(results.map((r) => r.oneMs));
  const line = (label: string, s: LatencySummary) => log(`  ${label.padEnd(44)} p50 ${fmt(s.p50, 2)} ms  p95 ${fmt(s.p95, 2)} ms  max ${fmt(s.max, 1)} ms`);
  log('');
  log(`Results (${new Date().toISOString()}, ${process.version})`);
  log(`  ${'facilities (total) / provinces'.padEnd(44)} ${total} / ${o.provinces}`);
  log(`  ${'index time routed / one index'.padEnd(44)} ${fmt(routedIndexSeconds)} s / ${fmt(oneIndexSeconds)} s`);
  log(`  ${'queries fanned out to >1 province'.padEnd(44)} ${results.filter((r) => r.fanOut > 1).length} of ${results.length}`);
  line('portal in-process, routed (availabilityOf)', portal);
  line('raw routed (fetch to the shards + merge)', raw);
  line('raw one index (same documents)', one);
  for (const code of codes) {
    const mine = results.filter((_, i) => list[i]?.province === code);
    const i = codes.indexOf(code);
    const inst = shards[i] as Instance;
    const rss = inst.pid === undefined ? null : peakRssMB(inst.pid);
    line(`province ${code} portal (${mine.length} queries)`, summarise(mine.map((r) => r.portalMs)));
    line(`province ${code} raw`, summarise(mine.map((r) => r.rawMs)));
    log(`  ${`province ${code} Meilisearch peak RSS / disk`.padEnd(44)} ${fmt(rss ?? Number.NaN, 0)} MB / ${fmt(directorySizeMB(join(inst.dir, 'meilisearch')), 0)} MB`);
  }
  const mainRss = main.pid === undefined ? null : peakRssMB(main.pid);
  log(`  ${'one-index Meilisearch peak RSS / disk'.padEnd(44)} ${fmt(mainRss ?? Number.NaN, 0)} MB / ${fmt(directorySizeMB(join(main.dir, 'meilisearch')), 0)} MB`);
  log(`  ${'lag import → searchable p50 / p95'.padEnd(44)} ${fmt(lag.p50)} / ${fmt(lag.p95)} ms`);
  const provinceRss = shards.map((s) => (s.pid === undefined ? 0 : (peakRssMB(s.pid) ?? 0)));
  return {
    facilities: total,
    pairs: results.length,
    indexSeconds: round(routedIndexSeconds),
    portalP50Ms: round(portal.p50, 2),
    portalP95Ms: round(portal.p95, 2),
    rawP50Ms: round(raw.p50, 2),
    rawP95Ms: round(raw.p95, 2),
    rssMB: round(Math.max(...provinceRss), 0),
    provinces: o.provinces,
    routedP95Ms: round(raw.p95, 2),
    oneIndexP95Ms: round(one.p95, 2),
    lagP95Ms: round(lag.p95, 1),
  };
}
