import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { parseConfig } from '../../src/server/config.ts';
import type { Portal } from '../../src/server/portal.ts';
import { connectSearch } from '../../src/server/search/meiliClient.ts';
import { openSqliteStore } from '../../src/server/store/openStore.ts';

/**
 * A portal on a fresh SQLite file and its own index prefix in the run's shared Meilisearch, so test files
 * never see each other's data.
 */
export async function openTestPortal(options: { demo?: boolean } = {}): Promise<Portal & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const url = inject('meiliUrl');
  const key = inject('meiliKey');
  const config = parseConfig({
    DATA_DIR: dir,
    MEILI_URL: url,
    MEILI_MASTER_KEY: key,
    MEILI_INDEX_PREFIX: prefix,
    DEMO_DATA: options.demo === false ? '0' : '1',
  });
  const store = await openSqliteStore(join(dir, 'portal.sqlite'));
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
