import type { Kysely } from 'kysely';

/**
 * A change sequence for stock (docs/decisions/025-stock-change-sequence.md), so that the change feed
 * (GET /api/stock/changes) and mirrors can follow what changed without reading the whole table.
 *
 * `change_counters` holds one row per sequence; every write transaction that saves stock takes the next value
 * by updating that row (store/stockStore.ts). The row lock that UPDATE takes is held to the transaction's end,
 * so on PostgreSQL writers of stock are serialised and commit in sequence order: a reader never sees number
 * n+1 without n. SQLite has one writer at a time anyway.
 *
 * Existing rows (and the benchmark's bulk loader, which writes straight into the table) keep sequence 0, which a
 * feed read from the start includes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('change_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    // When the sequence last moved: the snapshot job waits for a quiet spell after an import (debounce).
    .addColumn('changed_at', 'text')
    .execute();
  await db.insertInto('change_counters' as never).values({ name: 'stock', last_value: 0, changed_at: null } as never).execute();
  await db.schema.alterTable('stock_reports').addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // The feed reads in (change_seq, facility_id, drug_id) order from a cursor; one index seek per page.
  await db.schema.createIndex('stock_reports_change').on('stock_reports').columns(['change_seq', 'facility_id', 'drug_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('stock_reports_change').ifExists().execute();
  await db.schema.alterTable('stock_reports').dropColumn('change_seq').execute();
  await db.schema.dropTable('change_counters').ifExists().execute();
}
