/**
 * A portal process for the crash test and the intake benchmark: the built Astro handler behind the same edge
 * handler `npm start` runs (portalHandler, with its fast lanes), over the SQLite store,
 * without the embedded Meilisearch or the demo load (citizen reports need neither), so that a restart after
 * `kill -9` takes well under two seconds. Needs `npm run build` first. Env: PORT, DATA_DIR (and the REPORT*
 * limits of src/server/config.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDivisionsCsv } from '../../src/domain/regions/regionTree.ts';
import { config } from '../../src/server/config.ts';
import { type NodeHandler, portalHandler } from '../../src/server/http/portalHandler.ts';
import { createPortalServer } from '../../src/server/http/serverTimeouts.ts';
import { logger } from '../../src/server/observability/logger.ts';
import { storePath, providePortal } from '../../src/server/portal.ts';
import { connectSearch } from '../../src/server/search/meiliClient.ts';
import { openSqliteStore } from '../../src/server/store/openStore.ts';
import { saveRegions } from '../../src/server/store/regionStore.ts';
import { startReportWriter } from '../../src/server/store/reportWriter.ts';

const cfg = config();
const store = await openSqliteStore(storePath(cfg));
const writerReady = startReportWriter(store);
await saveRegions(store, parseDivisionsCsv(readFileSync(join('data', 'jingdezhen_divisions.csv'), 'utf8')));
await writerReady;
// Reports never search; an unreachable address makes any accidental search fail loudly rather than hang.
providePortal({ config: cfg, store, search: connectSearch('http://127.0.0.1:9', 'unused-key-0000', ''), close: () => store.destroy() });
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const entry = (await import(pathToFileURL(join(process.cwd(), 'dist', 'server', 'entry.mjs')).href)) as { handler: NodeHandler };
const log = logger();
const handler = portalHandler({ astro: entry.handler, maxInFlight: cfg.MAX_IN_FLIGHT, shareForMs: cfg.PUBLIC_SHARE_SECONDS * 1000, metricsToken: cfg.METRICS_TOKEN, log });
const server = createPortalServer(handler, log);
server.listen(cfg.PORT, '127.0.0.1', () => console.log(`reports server ready on ${cfg.PORT}`));
process.once('SIGTERM', () => server.close(() => store.destroy().then(() => process.exit(0))));
