import { backoffDelay, sleep } from './backoff.ts';
import { ServiceUnavailableError } from './unavailable.ts';

/**
 * How long one request keeps trying for the store's write lock before answering 503 store_busy. Each try waits
 * at most SQLite's busy time-out synchronously (sqliteDialect.ts); between tries the event loop runs, so other
 * requests, reads above all, go on being answered (docs/decisions/007-store-busy.md).
 */
export const storeBusyBudgetMs = 1500;
const firstPauseMs = 5;
const longestPauseMs = 200;
/** A stock import holds the lock for seconds, not minutes. */
const busyRetryAfterSeconds = 5;
/** A read-only or full disk needs an operator; clients should not hammer it. */
const unwritableRetryAfterSeconds = 60;

// SQLite primary result codes (the low byte of an extended code such as SQLITE_BUSY_SNAPSHOT).
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;

function primaryCode(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

/**
 * Runs one SQLite statement; while another connection holds the write lock, tries again after a growing pause,
 * up to `storeBusyBudgetMs`, then gives up with `store_busy`. A store that cannot be written at all (read-only
 * directory, full disk) becomes `store_unwritable` at once: waiting would not help.
 */
export async function whileStoreBusy<T>(statement: () => T, budgetMs = storeBusyBudgetMs): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return statement();
    } catch (error) {
      const code = primaryCode(error);
      if (code === SQLITE_READONLY || code === SQLITE_IOERR || code === SQLITE_FULL || code === SQLITE_CANTOPEN) {
        throw new ServiceUnavailableError('store_unwritable', unwritableRetryAfterSeconds, { cause: error });
      }
      if (code !== SQLITE_BUSY && code !== SQLITE_LOCKED) throw error;
      const pause = backoffDelay(attempt, firstPauseMs, longestPauseMs);
      if (Date.now() - started + pause > budgetMs) throw new ServiceUnavailableError('store_busy', busyRetryAfterSeconds, { cause: error });
      await sleep(pause);
    }
  }
}
