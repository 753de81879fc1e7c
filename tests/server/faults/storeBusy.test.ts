import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import { unavailable } from '../../../src/server/http/apiResponse.ts';
import { isServiceUnavailable } from '../../../src/server/resilience/unavailable.ts';
import { loginWithPassword } from '../../../src/server/staff/staffLogin.ts';
import { openSqliteStore, type Store } from '../../../src/server/store/openStore.ts';
import { loadRegions, saveRegions } from '../../../src/server/store/regionStore.ts';
import { seedAccount, testPassword } from '../staff/staffFixtures.ts';

/**
 * Another process (a stock import, a reindex) holds the store's write lock. The portal must answer a write with
 * 503 store_busy within a bounded time, keep answering reads (WAL readers are not blocked by a writer), and
 * never freeze its event loop while it waits.
 */
let dir: string;
let store: Store;
let importer: DatabaseSync;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fault-store-busy-'));
  store = await openSqliteStore(join(dir, 'portal.sqlite'));
  await saveRegions(store, parseDivisionsCsv(readFileSync(new URL('../../../data/jingdezhen_divisions.csv', import.meta.url), 'utf8')));
  await seedAccount(store, 'li.ming', '360203', ['data']);
  importer = new DatabaseSync(join(dir, 'portal.sqlite'));
});

afterEach(async () => {
  if (importer.isTransaction) importer.exec('ROLLBACK');
  importer.close();
  await store.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Largest delay of a 5 ms timer while `work` runs: a blocked event loop shows up here. */
async function maxTimerLag<T>(work: Promise<T>): Promise<number> {
  let worst = 0;
  let expected = performance.now() + 5;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - expected);
    expected = now + 5;
  }, 5);
  await work.catch(() => undefined);
  clearInterval(timer);
  return worst;
}

const login = () => loginWithPassword(store, { username: 'li.ming', password: testPassword }, { ip: '192.0.2.9', userAgent: 'vitest' });

describe('a store locked by another writer', () => {
  test('a write answers store_busy within two seconds while reads keep answering and the event loop runs', async () => {
    importer.exec('BEGIN IMMEDIATE');
    importer.exec(`UPDATE regions SET name = name WHERE code = '3602'`);
    const started = performance.now();
    const write = store.updateTable('regions').set({ name: '景德镇市' }).where('code', '=', '3602').execute();
    const outcome = write.then(
      () => 'written',
      (error: unknown) => error,
    );
    const lag = maxTimerLag(write);
    // Public reads for as long as the write waits for the lock: each must answer promptly, not queue behind it.
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    const readTimes: number[] = [];
    while (!settled) {
      const t = performance.now();
      expect((await loadRegions(store)).length).toBeGreaterThan(0);
      readTimes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const error = await outcome;
    const elapsed = performance.now() - started;
    expect(isServiceUnavailable(error) && error.code).toBe('store_busy');
    expect(elapsed).toBeLessThan(2000);
    expect(readTimes.length).toBeGreaterThan(10);
    expect(Math.max(...readTimes)).toBeLessThan(100);
    expect(await lag).toBeLessThan(100);
  });

  test('a staff login answers 503 store_busy with Retry-After and a Chinese message', async () => {
    importer.exec('BEGIN IMMEDIATE');
    importer.exec(`UPDATE regions SET name = name WHERE code = '3602'`);
    const error = await login().catch((e: unknown) => e);
    if (!isServiceUnavailable(error)) throw new Error(`expected store_busy, got ${String(error)}`);
    const response = unavailable(error);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await response.json();
    expect(body.error.code).toBe('store_busy');
    expect(body.error.message).toMatch(/请稍后再试/);
  });

  test('the login goes through once the other writer commits', async () => {
    importer.exec('BEGIN IMMEDIATE');
    importer.exec(`UPDATE regions SET name = name WHERE code = '3602'`);
    const attempt = login();
    setTimeout(() => importer.exec('COMMIT'), 150);
    expect((await attempt).kind).toBe('signed_in');
  });
});
