import { config, type PortalConfig } from './config.ts';
import { logger } from './observability/logger.ts';
import { connectSearch, type SearchConnection } from './search/meiliClient.ts';
import { runningEmbeddedMeilisearch, startEmbeddedMeilisearch } from './search/embeddedMeilisearch.ts';
import { openStore, type Store, sqliteFileIn } from './store/openStore.ts';

export interface Portal {
  config: PortalConfig;
  store: Store;
  search: SearchConnection;
  close(): Promise<void>;
}

export function storePath(cfg: PortalConfig): string {
  return sqliteFileIn(cfg.DATA_DIR);
}

/** Opens the store and reaches (or starts) Meilisearch as the configuration says. */
export async function openPortal(cfg: PortalConfig = config()): Promise<Portal> {
  const store = await openStore(cfg);
  let url = cfg.MEILI_URL;
  let key = cfg.MEILI_MASTER_KEY;
  let stopSearch = async () => {};
  if (!url) {
    const running = await runningEmbeddedMeilisearch(cfg.DATA_DIR);
    if (running) {
      url = running.url;
      key = running.masterKey;
    } else {
      const embedded = await startEmbeddedMeilisearch(cfg.DATA_DIR, (line) => logger().error({ component: 'meilisearch' }, line), {
        maxIndexingMemory: cfg.MEILI_MAX_INDEXING_MEMORY,
      });
      url = embedded.url;
      key = embedded.masterKey;
      stopSearch = embedded.stop;
    }
  }
  return {
    config: cfg,
    store,
    search: connectSearch(url, key ?? '', cfg.MEILI_INDEX_PREFIX),
    close: async () => {
      await store.destroy();
      await stopSearch();
    },
  };
}

// Kept on globalThis so that the start script and the server bundle, loaded as separate module graphs in one
// process, share one store handle and one Meilisearch child.
const holder = globalThis as typeof globalThis & { __drugPortal?: Promise<Portal> };

export function portal(): Promise<Portal> {
  holder.__drugPortal ??= openPortal();
  return holder.__drugPortal;
}

export function providePortal(instance: Portal): void {
  holder.__drugPortal = Promise.resolve(instance);
}
