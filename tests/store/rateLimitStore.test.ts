import { afterEach, beforeEach, expect, test } from 'vitest';
import { RateLimit, rateLimiter, StoreRateLimit } from '../../src/server/http/rateLimit.ts';
import { openStore, type Store } from '../../src/server/store/openStore.ts';
import { pruneRateWindows, rateSlotsExhausted, takeRateSlot } from '../../src/server/store/rateLimitStore.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const hour = 3_600_000;
const reports = { bucket: 'report.ip', limit: 3, windowMs: hour };
const t0 = new Date('2026-12-06T02:10:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

async function takes(store: Store, n: number, key: string, at = t0): Promise<boolean[]> {
  const results: boolean[] = [];
  for (let i = 0; i < n; i += 1) results.push(await takeRateSlot(store, reports, key, at));
  return results;
}

describeStores('rate limit windows', (open, engine) => {
  let opened: TestStore;
  let store: Store;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(async () => opened.close());

  test('counts up to the limit in a window, refuses after it and starts again in the next hour', async () => {
    expect(await takes(store, 4, '192.0.2.1')).toEqual([true, true, true, false]);
    expect(await rateSlotsExhausted(store, reports, '192.0.2.1', t0)).toBe(true);
    // 02:10 and 02:59 are one window (aligned to the hour); 03:00 begins the next.
    expect(await takeRateSlot(store, reports, '192.0.2.1', later(49 * 60_000))).toBe(false);
    expect(await rateSlotsExhausted(store, reports, '192.0.2.1', later(50 * 60_000))).toBe(false);
    expect(await takes(store, 4, '192.0.2.1', later(50 * 60_000))).toEqual([true, true, true, false]);
  });

  test('keeps keys and limits apart', async () => {
    await takes(store, 3, '192.0.2.1');
    expect(await takeRateSlot(store, reports, '192.0.2.2', t0)).toBe(true);
    expect(await takeRateSlot(store, { ...reports, bucket: 'status.ip' }, '192.0.2.1', t0)).toBe(true);
  });

  test('prunes windows that have ended and keeps the current one', async () => {
    await takes(store, 2, '192.0.2.1', later(-2 * hour));
    await takes(store, 2, '192.0.2.2');
    expect(await pruneRateWindows(store, later(-hour))).toBe(1);
    expect(await takes(store, 2, '192.0.2.2')).toEqual([true, false]);
  });

  test('shares a limit between two store handles (instances) when the store is PostgreSQL, else counts in memory', async () => {
    const second = await openStore(opened.location);
    try {
      const clock = () => t0.getTime();
      const a = rateLimiter(store, 'status.number', 4, hour, clock);
      const b = rateLimiter(second, 'status.number', 4, hour, clock);
      expect(a).toBeInstanceOf(engine === 'postgresql' ? StoreRateLimit : RateLimit);
      // Eight guesses at once, half through each instance.
      const taken = await Promise.all([...Array(8)].map((_, i) => (i % 2 === 0 ? a : b).take('JDZ-20261206-0001')));
      if (engine === 'postgresql') {
        expect(taken.filter(Boolean)).toHaveLength(4);
        expect(await a.exhausted('JDZ-20261206-0001')).toBe(true);
        expect(await b.exhausted('JDZ-20261206-0001')).toBe(true);
      } else {
        // One process on SQLite: each limiter counts alone, and nothing is written to the store.
        expect(taken.filter(Boolean)).toHaveLength(8);
        const rows = await store.selectFrom('rate_limit_windows').selectAll().execute();
        expect(rows).toEqual([]);
      }
    } finally {
      await second.destroy();
    }
  });
});
