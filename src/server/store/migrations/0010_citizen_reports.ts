import type { Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

/**
 * Citizen reports (群众反映) and the cases they group into. A report is what one citizen submitted, kept as
 * submitted; a case is what the intake officer works on (same drug and place within a week), with a status,
 * the level holding it (county → city → province), its deadline and a timeline of events.
 */
// Migrations take Kysely<unknown>: they describe the schema as it was then, not as the types say now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_cases')
    .addColumn('id', 'integer', identityColumn(db))
    // drug:<id>|facility:<id> or name:<folded name>|county:<code>; see domain/reports/caseGrouping.ts.
    .addColumn('case_key', 'text', (c) => c.notNull())
    .addColumn('drug_id', 'text')
    .addColumn('drug_name', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    // The county of the place: whose queue the case lands in, and the root of its region scope.
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    // 也遇到了 (n): reports joined, duplicates from one device not counted.
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    // No foreign key to staff_accounts, like the audit log: the case outlives the account.
    .addColumn('assigned_to', 'integer')
    .addColumn('result', 'text')
    .addColumn('action', 'text')
    .addColumn('public_reply', 'text')
    .addColumn('first_report_at', 'text', (c) => c.notNull())
    .addColumn('last_report_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_cases_open_key').on('report_cases').columns(['case_key', 'status']).execute();
  await db.schema.createIndex('report_cases_queue').on('report_cases').columns(['county_code', 'status', 'deadline_at']).execute();
  await db.schema.createIndex('report_cases_deadline').on('report_cases').columns(['status', 'deadline_at']).execute();
  await db.schema.createIndex('report_cases_updated').on('report_cases').column('updated_at').execute();

  await db.schema
    .createTable('citizen_reports')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
    // SHA-256 of the check code: a copy of the store does not open anyone's status page.
    .addColumn('check_code_hash', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('report_cases.id'))
    .addColumn('drug_id', 'text')
    .addColumn('drug_name', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer')
    .addColumn('price_pack', 'text')
    .addColumn('description', 'text')
    // Personal data: erased (set to null, contact_erased_at set) a configured time after the case closes.
    .addColumn('phone', 'text')
    .addColumn('contact_erased_at', 'text')
    // Keyed hashes of the device cookie and client address: enough to spot repeats, useless to identify anyone.
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // Set when the same device sent the same drug and place minutes before: kept, but not counted twice.
    .addColumn('duplicate_of', 'integer')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citizen_reports_case').on('citizen_reports').column('case_id').execute();
  await db.schema.createIndex('citizen_reports_device').on('citizen_reports').columns(['device_hash', 'received_at']).execute();
  await db.schema.createIndex('citizen_reports_updated').on('citizen_reports').column('updated_at').execute();

  await db.schema
    .createTable('report_idempotency_keys')
    // The client's key; UNIQUE through the primary key, which is what makes concurrent retries safe.
    .addColumn('key', 'text', (c) => c.primaryKey())
    // SHA-256 of the submitted fields: the same key with a different report is refused, not answered.
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('citizen_reports.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_case_events')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('report_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // What the public timeline shows beside the event (the reply, the result); never personal data.
    .addColumn('public_note', 'text')
    // Internal detail for staff and the monitoring intake (levels, deadlines, who did it).
    .addColumn('detail_json', 'text')
    .addColumn('actor_id', 'integer')
    .execute();
  await db.schema.createIndex('report_case_events_case').on('report_case_events').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('report_sequences')
    // <city prefix>-<YYYYMMDD>: one counter per city and Shanghai day for the tracking numbers.
    .addColumn('day_key', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_challenges_used')
    // ALTCHA challenge signatures already spent: a solved challenge opens one report, never a second.
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'report_challenges_used',
    'report_sequences',
    'report_case_events',
    'report_idempotency_keys',
    'citizen_reports',
    'report_cases',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
