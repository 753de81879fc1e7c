import type { Store } from './openStore.ts';

/**
 * Fixed-window rate limits kept in the store, so that every portal instance on one PostgreSQL counts the same
 * events. A window is aligned to the epoch (an hour's window runs from :00 to :00), so instances agree on it
 * without talking to each other.
 */
export interface RateWindow {
  bucket: string;
  limit: number;
  windowMs: number;
}

function windowStart(w: RateWindow, now: Date): string {
  return new Date(Math.floor(now.getTime() / w.windowMs) * w.windowMs).toISOString();
}

/**
 * Counts one event for `key`; false when the key had already reached the limit in this window (the event is
 * then not counted). One statement: the row is inserted, restarted at 1 for a new window, or incremented only
 * while under the limit, so two instances counting at once cannot both take the last slot.
 */
export async function takeRateSlot(store: Store, w: RateWindow, key: string, now: Date): Promise<boolean> {
  const start = windowStart(w, now);
  const row = await store
    .insertInto('rate_limit_windows')
    .values({ bucket: w.bucket, key, window_start: start, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['bucket', 'key'])
        .doUpdateSet((eb) => ({
          count: eb
            .case()
            .when('rate_limit_windows.window_start', '=', start)
            .then(eb('rate_limit_windows.count', '+', 1))
            .else(1)
            .end(),
          window_start: start,
        }))
        .where((eb) => eb.or([eb('rate_limit_windows.window_start', '!=', start), eb('rate_limit_windows.count', '<', w.limit)])),
    )
    .returning('count')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether `key` has used up this window (without counting anything). */
export async function rateSlotsExhausted(store: Store, w: RateWindow, key: string, now: Date): Promise<boolean> {
  const row = await store
    .selectFrom('rate_limit_windows')
    .select('count')
    .where('bucket', '=', w.bucket)
    .where('key', '=', key)
    .where('window_start', '=', windowStart(w, now))
    .executeTakeFirst();
  return row !== undefined && row.count >= w.limit;
}

/** Deletes windows that started before `before`; run on a schedule so one row per address seen does not pile up. */
export async function pruneRateWindows(store: Store, before: Date): Promise<number> {
  const result = await store.deleteFrom('rate_limit_windows').where('window_start', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
