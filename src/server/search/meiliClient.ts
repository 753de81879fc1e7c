import { Meilisearch } from 'meilisearch';

export interface SearchConnection {
  client: Meilisearch;
  /** Index names carry a prefix so that several portals or test runs can share one server. */
  indexName(base: 'drugs' | 'availability' | 'articles'): string;
}

export function connectSearch(url: string, masterKey: string, prefix = ''): SearchConnection {
  return {
    // Uncompressed responses: with gzip, Meilisearch sends bodies in pieces that Nagle's algorithm and delayed
    // ACKs hold back ~40 ms on loopback (measured by scripts/bench-search.ts; see docs/scaling.md).
    client: new Meilisearch({ host: url, apiKey: masterKey, requestInit: { headers: { 'Accept-Encoding': 'identity' } } }),
    indexName: (base) => `${prefix}${base}`,
  };
}

interface Waitable {
  waitTask(options?: { timeout?: number; interval?: number }): Promise<{ status: string; type: string; uid: number; error?: { message: string } | null }>;
}

/** Meilisearch tasks are asynchronous; waits and turns a failed task into an error instead of a silent no-op. */
export async function settled(task: Waitable, timeoutMs = 600_000): Promise<void> {
  const done = await task.waitTask({ timeout: timeoutMs, interval: 50 });
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? ''}`);
  }
}

/** Asking first keeps expected "not found" failures out of Meilisearch's error log. */
export async function indexExists(search: SearchConnection, uid: string): Promise<boolean> {
  return search.client
    .getIndex(uid)
    .then(() => true)
    .catch(() => false);
}

export async function ensureIndex(search: SearchConnection, uid: string): Promise<void> {
  if (!(await indexExists(search, uid))) await settled(search.client.createIndex(uid, { primaryKey: 'id' }));
}
