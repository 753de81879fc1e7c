import type { Kysely } from 'kysely';

// A facility closed by staff (demolished, licence withdrawn, closed for renovation) leaves the "where to get it"
// lists from `closed_from` on; its page stays, with a notice. Kept apart from `facilities`, which a register
// import rewrites wholesale.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('facility_closures')
    .addColumn('facility_id', 'text', (c) => c.primaryKey())
    /** YYYY-MM-DD, Asia/Shanghai calendar day */
    .addColumn('closed_from', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('facility_closures').ifExists().execute();
}
