import type { Store } from './openStore.ts';

export async function insertIntakeToken(store: Store, row: { name: string; tokenHash: string; allowPersonal: boolean; createdBy: number | null; at: string }) {
  return store
    .insertInto('intake_tokens')
    .values({ name: row.name, token_hash: row.tokenHash, allow_personal: row.allowPersonal ? 1 : 0, created_by: row.createdBy, created_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The live (not revoked) token with this hash. */
export async function findLiveIntakeToken(store: Store, tokenHash: string) {
  return store
    .selectFrom('intake_tokens')
    .select(['id', 'name', 'allow_personal'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeIntakeToken(store: Store, id: number, at: string): Promise<boolean> {
  const result = await store.updateTable('intake_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listIntakeTokens(store: Store) {
  return store.selectFrom('intake_tokens').select(['id', 'name', 'allow_personal', 'created_at', 'revoked_at']).orderBy('id').execute();
}

/** Reports changed after a keyset position (updated_at, id), with their case: one page of the export. */
export async function reportsUpdatedAfter(store: Store, after: { updatedAt: string; id: number }, limit: number) {
  return store
    .selectFrom('citizen_reports as r')
    .innerJoin('report_cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.tracking_number',
      'r.drug_id',
      'r.drug_name',
      'r.problem',
      'r.facility_id',
      'r.county_code',
      'r.place',
      'r.seen_at',
      'r.price_fen',
      'r.price_pack',
      'r.description',
      'r.phone',
      'r.duplicate_of',
      'r.received_at',
      'r.updated_at',
      'c.id as case_id',
      'c.status',
      'c.level',
      'c.deadline_at',
      'c.result',
      'c.action',
      'c.report_count',
      'c.reopen_count',
    ])
    .where((eb) => eb.or([eb('r.updated_at', '>', after.updatedAt), eb.and([eb('r.updated_at', '=', after.updatedAt), eb('r.id', '>', after.id)])]))
    .orderBy('r.updated_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

/** A case change is a change of each of its reports for the export: their updated_at follows the case's. */
export async function touchCaseReports(db: Pick<Store, 'updateTable'>, caseId: number, at: string): Promise<void> {
  await db.updateTable('citizen_reports').set({ updated_at: at }).where('case_id', '=', caseId).where('updated_at', '<', at).execute();
}
