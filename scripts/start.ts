/**
 * `npm start`: builds the site if the build is missing or older than the sources, opens the store, starts the
 * embedded Meilisearch unless MEILI_URL points elsewhere, loads the catalogue (and demo data) on first start,
 * then serves. One process, so stopping it stops the index server too.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareStore } from '../src/server/bootstrap/prepareStore.ts';
import { ConfigError, config } from '../src/server/config.ts';
import { withFastLane } from '../src/server/http/fastLane.ts';
import { startScheduledJobs } from '../src/server/jobs/scheduledJobs.ts';
import { openPortal, providePortal } from '../src/server/portal.ts';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIfNeeded(): void {
  const entry = join('dist', 'server', 'entry.mjs');
  const sources = Math.max(newestMtime('src'), newestMtime('public'), newestMtime('astro.config.mjs'));
  if (existsSync(entry) && statSync(entry).mtimeMs >= sources) return;
  console.log('Building the portal (astro build)…');
  // Run Astro's CLI on this very Node (24): its shebang would pick whatever `node` is first on PATH.
  const result = spawnSync(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  let cfg: ReturnType<typeof config>;
  try {
    cfg = config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  buildIfNeeded();
  const portal = await openPortal(cfg);
  providePortal(portal);
  const shutdown = async () => {
    await portal.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await prepareStore(portal);
  startScheduledJobs(portal);
  // Astro's own server is replaced by one that puts the availability fast lane in front of Astro's handler.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = (await import(pathToFileURL(join(process.cwd(), 'dist', 'server', 'entry.mjs')).href)) as { handler: Parameters<typeof withFastLane>[0] };
  const server = createServer(withFastLane(entry.handler));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(cfg.PORT, cfg.HOST, resolve));
  console.log(`Portal ready: http://${cfg.HOST === '0.0.0.0' ? 'localhost' : cfg.HOST}:${cfg.PORT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
