import type { Kysely } from 'kysely';

/**
 * Leases for scheduled jobs: one row per job, held by one running instance until it expires. Several portal
 * processes on one store (or a restarted one) thus run a job once; a holder that dies loses it at expiry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // A random id per job runner (process), not a host name: two runners in one process are two holders.
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_leases').ifExists().execute();
}
