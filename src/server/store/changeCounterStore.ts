import type { Kysely } from 'kysely';
import type { Store } from './openStore.ts';
import type { Database } from './schema.ts';

/**
 * Takes the next number of the stock change sequence inside the caller's write transaction. The UPDATE locks
 * the counter's row until that transaction ends, so on PostgreSQL a second writer waits here until the first
 * has committed (or rolled back, giving its number back): numbers become visible in order, never with a gap
 * that fills later. That is what lets the change feed hand out a cursor without skipping anything
 * (docs/decisions/025-stock-change-sequence.md). On SQLite the write lock already serialises writers.
 */
export async function takeStockSequence(trx: Kysely<Database>, now: Date): Promise<number> {
  const row = await trx
    .updateTable('change_counters')
    .set((eb) => ({ last_value: eb('last_value', '+', 1), changed_at: now.toISOString() }))
    .where('name', '=', 'stock')
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

/** The last committed number of the stock change sequence, and when it moved (null: never since migration). */
export async function stockSequence(store: Store): Promise<{ value: number; changedAt: string | null }> {
  const row = await store.selectFrom('change_counters').select(['last_value', 'changed_at']).where('name', '=', 'stock').executeTakeFirstOrThrow();
  return { value: Number(row.last_value), changedAt: row.changed_at };
}
