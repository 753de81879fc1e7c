/**
 * `npm run crash:reports -- --kills 200`: sends citizen reports from a few concurrent senders while the server
 * is killed with SIGKILL at random moments, restarts it each time, and checks that every acknowledged report is
 * in the store exactly once. A sender keeps an unacknowledged report (same idempotency key, same solved
 * challenge) and retries it after the restart. Needs `npm run build` first. Last line: one JSON object
 * { kills, acknowledged, found, lost, duplicated }; exits 1 when anything was lost or duplicated.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/server/store/openStore.ts';
import { reportsWithDescriptions } from '../src/server/store/reportStore.ts';
import { loadTestEnv, type PreparedReport, prepareReport, sendReport } from './support/reportsClient.ts';

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '200' }, senders: { type: 'string', default: '4' }, port: { type: 'string', default: '4427' } },
});
const kills = Number(values.kills);
const senders = Number(values.senders);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
if (!existsSync(join('dist', 'server', 'entry.mjs'))) {
  console.error('No build found: run `npm run build` first.');
  process.exit(2);
}
const dataDir = mkdtempSync(join(tmpdir(), 'crash-reports-'));
const env = loadTestEnv(port, dataDir);

let server: ChildProcess | null = null;
async function startServer(): Promise<void> {
  server = spawn(process.execPath, ['scripts/support/reportsServer.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  // Generous: on the shared machine under load a start (store, writer thread, Astro bundle) can take seconds.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await fetch(`${base}/api/reports/challenge`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('server did not start within 30 s');
}
async function killServer(signal: NodeJS.Signals): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

const acknowledged = new Map<string, string>(); // marker → tracking number
let nextIndex = 0;
let stopping = false;

/** One sender: prepares a report, sends it until acknowledged (across restarts), then the next. */
async function sender(): Promise<void> {
  let pending: PreparedReport | null = null;
  while (!stopping || pending) {
    try {
      pending ??= await prepareReport(base, nextIndex++);
      acknowledged.set(pending.marker, await sendReport(base, pending));
      pending = null;
    } catch {
      // Server down or killed mid-request: keep the same report (same key, same challenge) and retry.
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const started = Date.now();
await startServer();
const running = Array.from({ length: senders }, () => sender());
for (let k = 0; k < kills; k += 1) {
  await new Promise((r) => setTimeout(r, 30 + Math.random() * 300));
  await killServer('SIGKILL');
  await startServer();
}
stopping = true;
await Promise.all(running);
await killServer('SIGTERM');

const store = await openSqliteStore(join(dataDir, 'portal.sqlite'));
const markers = [...acknowledged.keys()];
const counts = new Map<string, number>();
for (let i = 0; i < markers.length; i += 500) {
  for (const row of await reportsWithDescriptions(store, markers.slice(i, i + 500))) {
    counts.set(row.description ?? '', (counts.get(row.description ?? '') ?? 0) + 1);
  }
}
await store.destroy();
rmSync(dataDir, { recursive: true, force: true });
const found = markers.filter((m) => (counts.get(m) ?? 0) >= 1).length;
const duplicated = markers.filter((m) => (counts.get(m) ?? 0) > 1).length;
const result = { kills, acknowledged: markers.length, found, lost: markers.length - found, duplicated };
console.error(`crash test: ${kills} kills in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(JSON.stringify(result));
process.exit(result.lost === 0 && result.duplicated === 0 && result.acknowledged > 0 ? 0 : 1);
