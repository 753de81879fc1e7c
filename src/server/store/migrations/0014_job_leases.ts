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

  // Webhook endpoints of the monitoring intake. Each reads the case timeline (report_case_events) in id order
  // from its own cursor: delivered in order, one event at a time, retried with back-off until it succeeds or
  // its attempts run out (then dead-lettered, logged, and the cursor moves on).
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    // whsec_<base64>, the Standard Webhooks form; needed in clear to sign, so kept like the other keys.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('webhook_endpoints.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // delivered | failed (will be retried) | dead (attempts exhausted: the dead-letter view lists these)
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('webhook_deliveries_endpoint').on('webhook_deliveries').columns(['endpoint_id', 'id']).execute();
  await db.schema.createIndex('webhook_deliveries_outcome').on('webhook_deliveries').columns(['outcome', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').ifExists().execute();
  await db.schema.dropTable('webhook_endpoints').ifExists().execute();
  await db.schema.dropTable('intake_tokens').ifExists().execute();
  await db.schema.dropTable('job_leases').ifExists().execute();
}
