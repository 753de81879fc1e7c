import type { ProblemKind } from '../../domain/reports/problemKind.ts';
import type { CaseStatus } from '../../domain/reports/caseStatus.ts';
import type { UnavailableReport } from '../../domain/stock/stockDispute.ts';
import type { Store } from './openStore.ts';

/** SQLite caps bound parameters per statement; the availability window holds up to 1,000 facilities. */
const idsPerStatement = 900;

/**
 * Citizens' 买不到 reports since `since` for these facilities × drugs, keyed `facilityId \0 drugId`, with their
 * case's verification result. A device's repeat within minutes (duplicate_of) is not a second voice.
 */
export async function unavailableReportsAt(
  store: Store,
  where: { facilityIds: readonly string[]; drugIds?: readonly string[] },
  since: string,
): Promise<Map<string, UnavailableReport[]>> {
  const byPair = new Map<string, UnavailableReport[]>();
  for (let i = 0; i < where.facilityIds.length; i += idsPerStatement) {
    let query = store
      .selectFrom('citizen_reports as r')
      .innerJoin('report_cases as c', 'c.id', 'r.case_id')
      .select(['r.facility_id', 'r.drug_id', 'r.received_at', 'r.device_hash', 'c.result'])
      .where('r.facility_id', 'in', where.facilityIds.slice(i, i + idsPerStatement))
      .where('r.problem', '=', 'unavailable')
      .where('r.duplicate_of', 'is', null)
      .where('r.received_at', '>=', since);
    if (where.drugIds) query = query.where('r.drug_id', 'in', where.drugIds.length > 0 ? [...where.drugIds] : ['']);
    for (const row of await query.execute()) {
      const key = disputeKey(row.facility_id ?? '', row.drug_id ?? '');
      const list = byPair.get(key) ?? [];
      list.push({ receivedAt: row.received_at, verification: row.result, deviceHash: row.device_hash });
      byPair.set(key, list);
    }
  }
  return byPair;
}

export const disputeKey = (facilityId: string, drugId: string) => `${facilityId}\u0000${drugId}`;

/** What the facility page may show of a report: drug, problem, date, case status. Never who sent it. */
export interface PublicReportLine {
  drugId: string | null;
  drugName: string;
  problem: ProblemKind;
  receivedAt: string;
  status: CaseStatus;
}

/** The newest reports at one facility (repeats from one device left out), newest first. */
export async function recentReportsAtFacility(store: Store, facilityId: string, limit: number): Promise<PublicReportLine[]> {
  const rows = await store
    .selectFrom('citizen_reports as r')
    .innerJoin('report_cases as c', 'c.id', 'r.case_id')
    .select(['r.drug_id', 'r.drug_name', 'r.problem', 'r.received_at', 'c.status'])
    .where('r.facility_id', '=', facilityId)
    .where('r.duplicate_of', 'is', null)
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ drugId: r.drug_id, drugName: r.drug_name, problem: r.problem, receivedAt: r.received_at, status: r.status }));
}
