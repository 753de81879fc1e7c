import { sql, type Transaction } from 'kysely';
import { caseKey, duplicateWindowMinutes, isDuplicateSubmission, joinsCase } from '../../domain/reports/caseGrouping.ts';
import { awaitingVerification } from '../../domain/reports/caseStatus.ts';
import { firstDeadline } from '../../domain/reports/escalation.ts';
import type { ReportInput } from '../../domain/reports/reportInput.ts';
import { formatTrackingNumber } from '../../domain/reports/trackingNumber.ts';
import { formatShanghaiDate } from '../../domain/time/shanghaiTime.ts';
import { reportWriterFor } from './reportWriter.ts';
import { groupCommit, LostRace } from './groupCommit.ts';
import { sqliteFileOf } from './sqliteFile.ts';
import type { Store } from './openStore.ts';
import type { CitizenReportTable } from './reportSchema.ts';
import type { Database } from './schema.ts';

/** Everything the intake workflow has worked out before the report is written. */
export interface NewCitizenReport {
  input: ReportInput;
  countyCode: string;
  cityPrefix: string;
  idempotencyKey: string;
  requestHash: string;
  /** The check code's keyed hash; the code itself is derived again from the key when the answer is replayed. */
  checkCodeHash: string;
  deviceHash: string;
  channel: CitizenReportTable['channel'];
  /** The spent ALTCHA challenge, or null for the no-JavaScript form. */
  challenge: { signature: string; expiresAt: string } | null;
  receivedAt: Date;
}

export interface RecordedReport {
  id: number;
  trackingNumber: string;
  caseId: number;
  requestHash: string;
}

export type RecordReportOutcome =
  | { kind: 'created'; report: RecordedReport }
  | { kind: 'existing'; report: RecordedReport }
  | { kind: 'challenge_replayed' };

/**
 * Stores a report, durably, exactly once per idempotency key. The key's PRIMARY KEY is the guard, not a prior
 * look-up: two concurrent submissions with one key both reach the insert, one wins, the other is undone and
 * answers with the winner's report. A solved challenge is spent in the same transaction, so it opens one report.
 */
export async function recordReport(store: Store, report: NewCitizenReport): Promise<RecordReportOutcome> {
  // No look-up first: the caller (submitReport) has just made one to answer a retry before the rate limits.
  // On a SQLite file the write and its FULL fsync run on the writer thread, off the event loop; PostgreSQL (and an
  // in-memory store a thread cannot share) group-commit here.
  const file = sqliteFileOf(store);
  const outcome = file ? await reportWriterFor(file).write(report) : await groupCommit(store, report, writeReport);
  if (outcome !== 'lost_race') return outcome;
  const winner = await findReportByIdempotencyKey(store, report.idempotencyKey);
  if (winner) return { kind: 'existing', report: winner };
  throw new Error('idempotency key taken but no report stored under it');
}

/** One report's rows, inside the group commit's transaction (on the writer thread for a SQLite file store). */
export async function writeReport(trx: Transaction<Database>, r: NewCitizenReport): Promise<RecordReportOutcome> {
  const now = r.receivedAt.toISOString();
  if (r.challenge) {
    const spent = await trx
      .insertInto('report_challenges_used')
      .values({ signature: r.challenge.signature, expires_at: r.challenge.expiresAt })
      .onConflict((oc) => oc.column('signature').doNothing())
      .executeTakeFirst();
    if (spent.numInsertedOrUpdatedRows === 0n) {
      // The same key retried with its already-spent challenge is a retry, not a replay.
      const winner = await findReportByIdempotencyKey(trx, r.idempotencyKey);
      return winner ? { kind: 'existing', report: winner } : { kind: 'challenge_replayed' };
    }
  }
  const key = caseKey({ ...r.input, countyCode: r.countyCode });
  const duplicate = await recentReportFromDevice(trx, r.deviceHash, key, r.receivedAt);
  const trackingNumber = await nextTrackingNumber(trx, r.cityPrefix, r.receivedAt);
  const caseId = duplicate ? duplicate.case_id : await joinOrOpenCase(trx, r, key, trackingNumber);
  const { input } = r;
  const inserted = await trx
    .insertInto('citizen_reports')
    .values({
      tracking_number: trackingNumber,
      check_code_hash: r.checkCodeHash,
      case_id: caseId,
      drug_id: input.drugId ?? null,
      drug_name: input.drugName,
      problem: input.problem,
      facility_id: input.facilityId ?? null,
      county_code: r.countyCode,
      place: input.place ?? null,
      seen_at: input.seenAt.toISOString(),
      price_fen: input.price ?? null,
      price_pack: input.pricePack ?? null,
      description: input.description ?? null,
      phone: input.phone ?? null,
      device_hash: r.deviceHash,
      channel: r.channel,
      duplicate_of: duplicate?.id ?? null,
      received_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const claimed = await trx
    .insertInto('report_idempotency_keys')
    .values({ key: r.idempotencyKey, request_hash: r.requestHash, report_id: inserted.id, created_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (claimed.numInsertedOrUpdatedRows === 0n) throw new LostRace('idempotency key taken by a concurrent submission');
  return { kind: 'created', report: { id: inserted.id, trackingNumber, caseId, requestHash: r.requestHash } };
}

export async function findReportByIdempotencyKey(db: Store | Transaction<Database>, key: string): Promise<RecordedReport | undefined> {
  const row = await db
    .selectFrom('report_idempotency_keys as k')
    .innerJoin('citizen_reports as r', 'r.id', 'k.report_id')
    .select(['r.id', 'r.tracking_number', 'r.case_id', 'k.request_hash'])
    .where('k.key', '=', key)
    .executeTakeFirst();
  return row && { id: row.id, trackingNumber: row.tracking_number, caseId: row.case_id, requestHash: row.request_hash };
}

async function recentReportFromDevice(trx: Transaction<Database>, deviceHash: string, key: string, at: Date) {
  const since = new Date(at.getTime() - duplicateWindowMinutes * 60_000).toISOString();
  const row = await trx
    .selectFrom('citizen_reports as r')
    .innerJoin('report_cases as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.case_id', 'r.received_at'])
    .where('r.device_hash', '=', deviceHash)
    .where('r.received_at', '>=', since)
    .where('c.case_key', '=', key)
    .where('r.duplicate_of', 'is', null)
    .orderBy('r.id', 'desc')
    .executeTakeFirst();
  return row && isDuplicateSubmission(row.received_at, at) ? row : undefined;
}

/** Joins the open case of the same drug and place from the last 7 days, or opens one in the county's queue. */
async function joinOrOpenCase(trx: Transaction<Database>, r: NewCitizenReport, key: string, trackingNumber: string): Promise<number> {
  const now = r.receivedAt.toISOString();
  const open = await trx
    .selectFrom('report_cases')
    .select(['id', 'last_report_at'])
    .where('case_key', '=', key)
    .where('status', 'in', awaitingVerification)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (open && joinsCase(open.last_report_at, r.receivedAt)) {
    const joined = await trx
      .updateTable('report_cases')
      .set({ report_count: sql`report_count + 1`, last_report_at: now, updated_at: now })
      .where('id', '=', open.id)
      .returning('report_count')
      .executeTakeFirstOrThrow();
    // In the same transaction as the report: the webhook outbox (the case's events) carries the join at least once.
    await trx
      .insertInto('report_case_events')
      .values({
        case_id: open.id,
        kind: 'joined',
        at: now,
        public_note: null,
        detail_json: JSON.stringify({ reportCount: joined.report_count, trackingNumber, channel: r.channel }),
        actor_id: null,
      })
      .execute();
    return open.id;
  }
  const created = await trx
    .insertInto('report_cases')
    .values({
      case_key: key,
      drug_id: r.input.drugId ?? null,
      drug_name: r.input.drugName,
      facility_id: r.input.facilityId ?? null,
      county_code: r.countyCode,
      status: 'received',
      level: 'county',
      deadline_at: firstDeadline(r.receivedAt),
      assigned_to: null,
      result: null,
      action: null,
      public_reply: null,
      first_report_at: now,
      last_report_at: now,
      closed_at: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('report_case_events')
    .values({ case_id: created.id, kind: 'received', at: now, public_note: null, detail_json: JSON.stringify({ level: 'county', countyCode: r.countyCode }), actor_id: null })
    .execute();
  return created.id;
}

/** The city's next number for the Shanghai day; an upsert, so two writers never draw the same one. */
async function nextTrackingNumber(trx: Transaction<Database>, prefix: string, at: Date): Promise<string> {
  const day = formatShanghaiDate(at);
  const dayKey = `${prefix}-${day}`;
  const row = await trx
    .insertInto('report_sequences')
    .values({ day_key: dayKey, last_value: 1 })
    .onConflict((oc) => oc.column('day_key').doUpdateSet({ last_value: sql`report_sequences.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return formatTrackingNumber(prefix, day, row.last_value);
}

/** What the public status page may read: the report's own dates and its case's timeline, no personal data. */
export async function loadReportForStatus(store: Store, trackingNumber: string) {
  return store
    .selectFrom('citizen_reports as r')
    .innerJoin('report_cases as c', 'c.id', 'r.case_id')
    .select([
      'r.id',
      'r.tracking_number',
      'r.check_code_hash',
      'r.case_id',
      'r.drug_name',
      'r.problem',
      'r.received_at',
      'c.status',
      'c.level',
      'c.deadline_at',
      'c.report_count',
      'c.public_reply',
    ])
    .where('r.tracking_number', '=', trackingNumber)
    .executeTakeFirst();
}

export async function loadCaseEvents(store: Store, caseId: number) {
  return store
    .selectFrom('report_case_events')
    .select(['kind', 'at', 'public_note'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

/**
 * Stored reports whose description is one of `descriptions`, with their tracking numbers: how the crash test
 * counts each acknowledged report (by a marker it wrote) without trusting the idempotency table it tests.
 */
export async function reportsWithDescriptions(store: Store, descriptions: readonly string[]) {
  if (descriptions.length === 0) return [];
  return store
    .selectFrom('citizen_reports')
    .select(['description', 'tracking_number'])
    .where('description', 'in', descriptions)
    .execute();
}

/**
 * Erases the contact details (the phone) of reports whose case closed before `closedBefore` (PIPL: kept only as
 * long as follow-up needs them). The report itself stays, marked with when its contact was erased.
 */
export async function eraseContactsOfCasesClosedBefore(store: Store, closedBefore: Date, now: Date): Promise<number> {
  const result = await store
    .updateTable('citizen_reports')
    .set({ phone: null, contact_erased_at: now.toISOString(), updated_at: now.toISOString() })
    .where('phone', 'is not', null)
    .where('case_id', 'in', (eb) =>
      eb.selectFrom('report_cases').select('id').where('status', '=', 'closed').where('closed_at', '<=', closedBefore.toISOString()),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
