import { type Kysely, sql, type Transaction } from 'kysely';
import { durableTransaction, isUniqueViolation } from './durableWrite.ts';
import type { Database } from './schema.ts';

/** Thrown inside an item's savepoint to undo it when another writer won a race on a unique key. */
export class LostRace extends Error {}

type Outcome<T> = T | 'lost_race';
interface Waiting<I, T> {
  item: I;
  resolve(outcome: Outcome<T>): void;
  reject(error: unknown): void;
}
interface CommitQueue<I, T> {
  waiting: Waiting<I, T>[];
  flushing: boolean;
}
// Per store, per write function: one queue each.
const queues = new WeakMap<object, Map<unknown, CommitQueue<unknown, unknown>>>();
const maxBatch = 64;

/**
 * Group commit: items that arrive while a commit is on its way to disk wait and are written together in the
 * next durable transaction, each in its own savepoint (one bad item undoes only itself). One fsync then
 * acknowledges many items instead of one; each caller hears back only after the commit that holds its item.
 * A unique violation (or LostRace) in an item's write resolves it as 'lost_race' for the caller to look up
 * the winner. One queue per store and write function.
 */
export function groupCommit<I, T>(
  db: Kysely<Database>,
  item: I,
  write: (trx: Transaction<Database>, item: I) => Promise<T>,
): Promise<Outcome<T>> {
  let byWrite = queues.get(db);
  if (!byWrite) {
    byWrite = new Map();
    queues.set(db, byWrite);
  }
  let queue = byWrite.get(write) as CommitQueue<I, T> | undefined;
  if (!queue) {
    queue = { waiting: [], flushing: false };
    byWrite.set(write, queue as CommitQueue<unknown, unknown>);
  }
  const q = queue;
  return new Promise((resolve, reject) => {
    q.waiting.push({ item, resolve, reject });
    if (!q.flushing) void flush(db, q, write);
  });
}

async function flush<I, T>(db: Kysely<Database>, q: CommitQueue<I, T>, write: (trx: Transaction<Database>, item: I) => Promise<T>) {
  q.flushing = true;
  try {
    while (q.waiting.length > 0) {
      // One turn of the event loop first: the items already arriving (requests being parsed, messages queued for
      // the writer thread) join this commit instead of each waiting for one of their own.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = q.waiting.splice(0, maxBatch);
      try {
        const settled = await durableTransaction(db, async (trx) => {
          const results: ({ ok: true; value: Outcome<T> } | { ok: false; error: unknown })[] = [];
          for (const [i, w] of batch.entries()) {
            await sql.raw(`savepoint item_${i}`).execute(trx);
            try {
              results.push({ ok: true, value: await write(trx, w.item) });
            } catch (error) {
              await sql.raw(`rollback to savepoint item_${i}`).execute(trx);
              const lost = error instanceof LostRace || isUniqueViolation(error);
              results.push(lost ? { ok: true, value: 'lost_race' } : { ok: false, error });
            }
            await sql.raw(`release savepoint item_${i}`).execute(trx);
          }
          return results;
        });
        // Only now, after the commit, does anyone hear back.
        for (const [i, r] of settled.entries()) {
          if (r.ok) batch[i]?.resolve(r.value);
          else batch[i]?.reject(r.error);
        }
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  } finally {
    q.flushing = false;
  }
}
