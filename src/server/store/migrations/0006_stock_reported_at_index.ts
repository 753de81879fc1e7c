import type { Kysely } from 'kysely';

// Every page's footer shows the newest stock report; without this index MAX(reported_at) scans the whole
// stock table on each request (90 million rows at province scale).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('stock_reports_reported_at').on('stock_reports').column('reported_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('stock_reports_reported_at').ifExists().execute();
}
