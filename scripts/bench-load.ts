/**
 * `npm run bench:load [-- --quick]`: how the portal holds under load (docs/operations.md).
 *
 * Starts the portal (`node scripts/start.ts`, demo data, a temporary DATA_DIR), then runs autocannon against
 * the home page, the search API, a drug page and the availability API at 10, 50 and 200 connections, printing
 * requests/s, p50/p95/p99, errors and status classes per route; then a spike of 23,000 distinct visitors
 * (distinct X-Forwarded-For, no cookies) in one minute to the home and a drug page, watching the server's RSS.
 * --quick shortens every run to a few seconds and the spike to 1,500 visitors. The last line of output is one
 * JSON object: { availabilityP95MsAt50, errorsAt50, maxConnections, shedWithoutRetryAfter, crashed }.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { currentRssMB, summarise } from '../src/server/bench/processStats.ts';
import { freeLoopbackPort } from '../src/server/search/embeddedMeilisearch.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } }, strict: true });
const runSeconds = args.quick ? 5 : 10;
const spikeVisitors = args.quick ? 1_500 : 23_000;
const spikeSeconds = args.quick ? 5 : 60;

const routes = {
  home: '/',
  search: '/api/search?q=blf',
  drugPage: '/drugs/W078',
  availability: '/api/drugs/W078/availability?lat=29.3&lng=117.205&radius=10',
};

// autocannon ships no types; these are the parts of its result and options this script reads.
interface CannonResult {
  requests: { average: number };
  errors: number;
  timeouts: number;
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}
type OnResponse = (status: number, body: string, context: unknown, headers: Record<string, string | string[]>) => void;

interface RouteRun {
  route: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statusClasses: Record<string, number>;
}

let shedWithoutRetryAfter = 0;
const countShed: OnResponse = (status, _body, _context, headers) => {
  if (status >= 500 && headers['retry-after'] === undefined) shedWithoutRetryAfter += 1;
};

function runCannon(options: Record<string, unknown>, stopAfterMs?: number): Promise<{ result: CannonResult; latencies: number[] }> {
  return new Promise((resolveRun, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolveRun({ result: result as CannonResult, latencies })));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
    // A server that cannot keep up would stretch a fixed number of requests without end; stop and report instead.
    if (stopAfterMs) setTimeout(() => (instance as unknown as { stop(): void }).stop(), stopAfterMs).unref();
  });
}

async function measure(base: string, name: string, path: string, connections: number): Promise<RouteRun> {
  const { result, latencies } = await runCannon({
    url: base,
    connections,
    duration: runSeconds,
    requests: [{ method: 'GET', path, headers: { 'accept-encoding': 'br, gzip' }, onResponse: countShed }],
  });
  const s = summarise(latencies);
  const run: RouteRun = {
    route: name,
    connections,
    rps: Math.round(result.requests.average),
    p50: s.p50,
    p95: s.p95,
    p99: s.p99,
    errors: result.errors + result.timeouts,
    statusClasses: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
  };
  console.log(`${name.padEnd(13)} c=${String(connections).padStart(3)}  ${String(run.rps).padStart(6)} req/s  p50 ${roundMs(run.p50)} ms  p95 ${roundMs(run.p95)} ms  p99 ${roundMs(run.p99)} ms  errors ${run.errors}  ${JSON.stringify(run.statusClasses)}`);
  return run;
}

/** 23,000 visitors a minute, each a new address and no cookie, alternating home and a drug page. */
async function spike(base: string): Promise<CannonResult> {
  let visitor = 0;
  const nextAddress = () => {
    visitor += 1;
    return `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
  };
  const request = (path: string) => ({
    method: 'GET',
    path,
    onResponse: countShed,
    setupRequest: (req: { headers?: Record<string, string> }) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': nextAddress(), 'accept-encoding': 'br, gzip' } }),
  });
  const { result } = await runCannon({
    url: base,
    connections: 100,
    amount: spikeVisitors,
    overallRate: Math.ceil(spikeVisitors / spikeSeconds),
    requests: [request(routes.home), request(routes.drugPage)],
  }, spikeSeconds * 3 * 1000);
  console.log(`spike: ${spikeVisitors} visitors offered over ${spikeSeconds} s (cut off at ${spikeSeconds * 3} s) → ${JSON.stringify({ '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'], errors: result.errors + result.timeouts })}`);
  return result;
}

/** Starts the portal and waits for its own "portal ready" line, so a server already on the port cannot answer instead. */
async function startPortal(): Promise<{ child: ChildProcess; base: string; dataDir: string; exited: () => boolean }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-load-'));
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, [join('scripts', 'start.ts')], {
    cwd: repoRoot,
    // One load generator is one client: the per-client API limit is a policy, not the capacity measured here.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: '1', LOG_LEVEL: 'info', API_REQUESTS_PER_MINUTE: '100000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let hasExited = false;
  child.once('exit', () => {
    hasExited = true;
  });
  const ready = new Promise<void>((resolveReady, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      if (pending.includes('"msg":"portal ready"')) resolveReady();
      pending = pending.slice(-200);
    });
    child.once('exit', (code) => reject(new Error(`the portal exited (${code}) before it was ready`)));
  });
  await ready;
  return { child, base: `http://127.0.0.1:${port}`, dataDir, exited: () => hasExited };
}

function roundMs(ms: number | undefined): number | null {
  return ms === undefined || Number.isNaN(ms) ? null : Math.round(ms * 10) / 10;
}

async function main(): Promise<void> {
  console.log(`bench:load ${args.quick ? '(quick)' : ''} load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const portal = await startPortal();
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, currentRssMB(portal.child.pid ?? 0) ?? 0);
  }, 250);
  const runs: RouteRun[] = [];
  try {
    // One request each first, so that the first run does not measure cold caches and lazy module loading.
    for (const path of Object.values(routes)) await fetch(`${portal.base}${path}`).then((r) => r.arrayBuffer());
    for (const connections of [10, 50, 200]) {
      for (const [name, path] of Object.entries(routes)) runs.push(await measure(portal.base, name, path, connections));
    }
    const rssBeforeSpike = currentRssMB(portal.child.pid ?? 0) ?? 0;
    await spike(portal.base);
    const rssAfterSpike = currentRssMB(portal.child.pid ?? 0) ?? 0;
    console.log(`RSS: before spike ${rssBeforeSpike.toFixed(0)} MB, after ${rssAfterSpike.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB`);
  } finally {
    clearInterval(sampler);
  }
  const crashed = portal.exited();
  const at50 = runs.filter((r) => r.connections === 50);
  // A level is clean when every route was answered (a starved machine can finish none in a short run) without errors.
  const cleanLevels = [10, 50, 200].filter((c) => runs.filter((r) => r.connections === c).every((r) => r.errors === 0 && r.rps > 0));
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  portal.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(portal.dataDir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      availabilityP95MsAt50: roundMs(at50.find((r) => r.route === 'availability')?.p95),
      errorsAt50: at50.reduce((sum, r) => sum + r.errors, 0),
      maxConnections: Math.max(0, ...cleanLevels),
      shedWithoutRetryAfter,
      crashed,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
