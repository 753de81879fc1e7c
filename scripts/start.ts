/**
 * `npm start`: builds the site if the build is missing or older than the sources, opens the store, starts the
 * embedded Meilisearch unless MEILI_URL points elsewhere, loads the catalogue (and demo data) on first start,
 * then serves. One process, so stopping it stops the index server too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareStore } from '../src/server/bootstrap/prepareStore.ts';
import { ConfigError, config } from '../src/server/config.ts';
import { apiRateLimit } from '../src/server/http/apiRateLimit.ts';
import { type NodeHandler, portalHandler } from '../src/server/http/portalHandler.ts';
import { keepServingOnStrayErrors } from '../src/server/http/processGuards.ts';
import { createPortalServer } from '../src/server/http/serverTimeouts.ts';
import { logger } from '../src/server/observability/logger.ts';
import { startScheduledJobs } from '../src/server/jobs/scheduledJobs.ts';
import { openDataRoot } from '../src/server/openData/openDataRoot.ts';
import { liveApiKeyId } from '../src/server/openData/apiKeys.ts';
import { openPortal, providePortal } from '../src/server/portal.ts';
import { startReportWriter } from '../src/server/store/reportWriter.ts';
import { onMeiliRestart } from '../src/server/search/meiliRestarts.ts';
import { metrics } from '../src/server/observability/metrics.ts';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIfNeeded(): void {
  const entry = join('dist', 'server', 'entry.mjs');
  const sources = Math.max(newestMtime('src'), newestMtime('public'), newestMtime('astro.config.mjs'));
  if (existsSync(entry) && statSync(entry).mtimeMs >= sources) return;
  logger().info('building the portal (astro build)');
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
      // Plain text, not a log line: the operator reads it on the terminal or in the unit's status.
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  buildIfNeeded();
  const log = logger();
  keepServingOnStrayErrors(log);
  const portal = await openPortal(cfg);
  providePortal(portal);
  onMeiliRestart(() => metrics().meiliRestarts.inc());
  let server: Server | undefined;
  // Stop taking requests and let those in flight finish (up to 10 s) before the store and search close under them.
  const shutdown = async () => {
    log.info('shutting down');
    if (server) {
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await portal.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await prepareStore(portal, (line) => log.info(line));
  await startReportWriter(portal.store);
  startScheduledJobs(portal);
  // Astro's own server is replaced by ours: the guarded edge handler (src/server/http/portalHandler.ts) in
  // front of Astro's handler.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = (await import(pathToFileURL(join(process.cwd(), 'dist', 'server', 'entry.mjs')).href)) as { handler: NodeHandler };
  const apiLimit = apiRateLimit({
    perMinute: cfg.API_REQUESTS_PER_MINUTE,
    perMinuteWithKey: cfg.API_REQUESTS_PER_MINUTE_WITH_KEY,
    proxies: cfg.TRUSTED_PROXIES,
    liveKeyId: (key) => liveApiKeyId(portal.store, key),
  });
  const handler = portalHandler({ astro: entry.handler, maxInFlight: cfg.MAX_IN_FLIGHT, shareForMs: cfg.PUBLIC_SHARE_SECONDS * 1000, metricsToken: cfg.METRICS_TOKEN, log,
    downloads: { root: openDataRoot(cfg), maxConcurrent: Math.max(1, Math.floor(cfg.MAX_IN_FLIGHT / 4)) },
    apiLimit,
  });
  const listening = createPortalServer(handler, log);
  await new Promise<void>((resolve, reject) => listening.once('error', reject).listen(cfg.PORT, cfg.HOST, resolve));
  server = listening;
  log.info({ url: `http://${cfg.HOST === '0.0.0.0' ? 'localhost' : cfg.HOST}:${cfg.PORT}`, maxInFlight: cfg.MAX_IN_FLIGHT }, 'portal ready');
}

main().catch((error) => {
  logger().fatal({ err: error }, 'the portal could not start');
  process.exit(1);
});
