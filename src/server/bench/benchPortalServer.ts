/**
 * The portal as the benchmarks run it: `node scripts/start.ts` against a prepared DATA_DIR and Meilisearch, in
 * its own process group. Shared by bench-search and bench-opendata.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeLoopbackPort, type RunningMeilisearch } from '../search/embeddedMeilisearch.ts';

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `node scripts/start.ts` (what npm start runs) in its own process group, so a build it starts stops with it. */
export async function startPortalServer(
  repoRoot: string,
  dataDir: string,
  meili: Pick<RunningMeilisearch, 'url' | 'masterKey'>,
  log: (line: string) => void,
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freeLoopbackPort();
  const logPath = join(dataDir, 'portal-server.log');
  const out = openSync(logPath, 'a');
  const child: ChildProcess = spawn(process.execPath, [join('scripts', 'start.ts')], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      // As under `npm start`: node_modules/.bin first, so the astro build start.ts may run uses this Node too.
      PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: '0',
      // One load generator is one client: the per-client API limit is a policy, not the capacity measured here.
      API_REQUESTS_PER_MINUTE: '100000000',
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: '',
      LOG_LEVEL: 'warn',
      ...extraEnv,
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
