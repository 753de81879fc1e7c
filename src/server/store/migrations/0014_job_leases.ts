import type { Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

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

  // Receiving systems of the monitoring intake (GET /api/intake/reports): the token itself is shown once.
  await db.schema
    .createTable('intake_tokens')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    // SHA-256 of the token: a copy of the store lets no one call the API.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // 1: the export includes the reporters' phone numbers (a receiving system entitled to follow up).
    .addColumn('allow_personal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('intake_tokens').ifExists().execute();
  await db.schema.dropTable('job_leases').ifExists().execute();
}
