/**
 * `npm run bench:intake`: acknowledged (durably stored) citizen reports per second and p95 acknowledgement
 * latency at 1, 10 and 50 concurrent submitters, against the built portal's real API (`npm run build` first).
 * Challenges are fetched and solved before each timed run: the work under test is the server's verification
 * and its durable write. Last line: one JSON object { reportsPerSecond, p95Ms, concurrency } for the best run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTestEnv, type PreparedReport, prepareReport, sendReport } from './support/reportsClient.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    port: { type: 'string', default: '4437' },
    // A folder: the server under test writes a V8 CPU profile there (node --cpu-prof) when it stops.
    'cpu-prof': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const base = `http://127.0.0.1:${values.port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
const server: ChildProcess = spawn(process.execPath, [...profile, 'scripts/support/reportsServer.ts'], {
  env: loadTestEnv(Number(values.port), dataDir),
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (let i = 0; ; i += 1) {
  if (await fetch(`${base}/api/reports/challenge`).then((r) => r.ok).catch(() => false)) break;
  if (i > 2400) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 25));
}

let counter = 0;
async function prepare(n: number): Promise<PreparedReport[]> {
  const out: PreparedReport[] = [];
  for (let i = 0; i < n; i += 50) out.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => prepareReport(base, counter++)))));
  return out;
}

/** The server process's CPU time so far (user + system, all its threads), in seconds, from /proc. */
function serverCpuSeconds(): number {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat(5); here counted from the state field (3), in clock ticks.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function run(concurrency: number) {
  // Enough prepared reports for the goal rate over the run; the run ends at the time limit or when they run out.
  const preparing = serverCpuSeconds();
  const queue = await prepare(Math.max(200, Math.round(400 * seconds)));
  // Each citizen's report also costs the server a challenge (GET /api/reports/challenge) beforehand.
  const challengeCpuMs = ((serverCpuSeconds() - preparing) * 1000) / queue.length;
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpuBefore = serverCpuSeconds();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let r = queue.pop(); r && performance.now() < deadline; r = queue.pop()) {
        const t0 = performance.now();
        await sendReport(base, r);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = serverCpuSeconds() - cpuBefore;
  latencies.sort((a, b) => a - b);
  const p95Ms = Math.round((latencies[Math.floor(latencies.length * 0.95)] ?? 0) * 10) / 10;
  // Per core-second of the server's own CPU: a figure that a machine shared with other work disturbs less.
  const perCoreSecond = Math.round(latencies.length / Math.max(cpu, 0.01));
  return { result: { reportsPerSecond: Math.round(latencies.length / elapsed), p95Ms, concurrency }, perCoreSecond, cpu, challengeCpuMs };
}

const results = [];
for (const concurrency of [1, 10, 50]) {
  const { result, perCoreSecond, cpu, challengeCpuMs } = await run(concurrency);
  console.log(
    `concurrency ${concurrency}: ${result.reportsPerSecond} reports/s, p95 ${result.p95Ms} ms; server CPU ${cpu.toFixed(2)} s, ${perCoreSecond} reports per server core-second (${(1000 / perCoreSecond).toFixed(2)} ms each, plus ${challengeCpuMs.toFixed(2)} ms for its challenge); load ${loadavg()[0]?.toFixed(2)}`,
  );
  results.push(result);
}
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
const best = results.reduce((a, b) => (b.reportsPerSecond > a.reportsPerSecond ? b : a));
console.log(JSON.stringify(best));
