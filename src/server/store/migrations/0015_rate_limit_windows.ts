import type { Kysely } from 'kysely';

/**
 * Fixed-window counters for the citizen rate limits (report submissions, status look-ups) when several portal
 * instances share one PostgreSQL store: one row per limit and key, holding the current window's start and count.
 * On SQLite the limits are counted in memory (server/http/rateLimit.ts says why) and the table stays empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    // Which limit ("report.ip", "status.number", …): one key may be counted by several limits.
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // ISO 8601 start of the window the count belongs to; a newer window overwrites it.
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_windows_pk', ['bucket', 'key'])
    .execute();
  // The prune job deletes windows that have ended.
  await db.schema.createIndex('rate_limit_windows_start').on('rate_limit_windows').column('window_start').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').ifExists().execute();
}
