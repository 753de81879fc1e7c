import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { parseConfig } from '../../src/server/config.ts';
import type { Portal } from '../../src/server/portal.ts';
import { connectSearch } from '../../src/server/search/meiliClient.ts';
import { openStore } from '../../src/server/store/openStore.ts';
import type { StoreEngine } from '../../src/server/store/storeEngine.ts';
import { emptyStoreLocation } from './testStores.ts';

/**
 * A portal on a fresh store (a SQLite file unless `engine` says PostgreSQL, then a fresh database) and its own
 * index prefix in the run's shared Meilisearch, so test files never see each other's data.
 */
export async function openTestPortal(options: { demo?: boolean; engine?: StoreEngine } = {}): Promise<Portal & { dir: string }> {
  const place = await emptyStoreLocation(options.engine ?? 'sqlite');
  const dir = place.location.DATA_DIR;
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const url = inject('meiliUrl');
  const key = inject('meiliKey');
  const config = parseConfig({
    DATA_DIR: dir,
    DATABASE_URL: place.location.DATABASE_URL,
    MEILI_URL: url,
    MEILI_MASTER_KEY: key,
    MEILI_INDEX_PREFIX: prefix,
    DEMO_DATA: options.demo === false ? '0' : '1',
  });
  const store = await openStore(config);
  const search = connectSearch(url, key, prefix);
  return {
    config,
    store,
    search,
    dir,
    close: async () => {
      await store.destroy();
      for (const base of ['drugs', 'availability', 'articles'] as const) {
        await search.client.deleteIndex(search.indexName(base)).waitTask().catch(() => undefined);
      }
      await place.remove();
    },
  };
}
