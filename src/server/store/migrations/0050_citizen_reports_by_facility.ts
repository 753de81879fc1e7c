import type { Kysely } from 'kysely';

// Disputes (有群众反映缺货) read a facility's 买不到 reports for one drug on every availability answer, and the
// facility page reads its recent reports: both look citizen reports up by facility, then drug.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('citizen_reports_facility_drug').on('citizen_reports').columns(['facility_id', 'drug_id', 'received_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('citizen_reports_facility_drug').ifExists().execute();
}
