import { type Kysely, PostgresAdapter, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { RegionTree } from '../../domain/regions/regionTree.ts';
import { type ChainedFields, entryHash, genesisHash } from '../../domain/staff/auditChain.ts';
import { type AuditAction, type AuditActor, type AuditEntry, auditEntry } from '../../domain/staff/audit.ts';
import { type AuditFilter, auditTimeRange } from '../../domain/staff/auditFilter.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { AuditLogTable, Database } from './schema.ts';

/** What a caller says happened; who and when are filled in from the actor and the clock. */
export interface AuditEvent {
  action: AuditAction;
  regionCode: string | null;
  target?: { type: string; id: string | number };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  detail?: Record<string, unknown> | null;
}

/** The insert trigger's refusal of an entry that does not link to the newest (migration 0008). */
const chainConflict = 'does not link to the newest entry';

/**
 * Appends one entry, linked to the newest one (domain/staff/auditChain.ts). Takes a Kysely or a transaction so
 * that an entry commits together with the change it describes, or not at all. Reading the newest hash and
 * inserting must act as one step, or two appends could fork the chain: the insert trigger refuses a fork, so
 * on SQLite (one connection per process, statements of concurrent requests interleave) a refused append simply
 * reads the newest hash again and retries; on PostgreSQL a table lock inside the transaction serialises them.
 * There is deliberately no update or delete function in this module.
 */
export async function appendAudit(db: Kysely<Database>, actor: AuditActor, event: AuditEvent, now = new Date()): Promise<void> {
  const entry = auditEntry.parse({
    at: now.toISOString(),
    actorId: actor.id,
    actorUsername: actor.username,
    ip: actor.ip?.slice(0, 64) ?? null,
    action: event.action,
    regionCode: event.regionCode,
    targetType: event.target?.type ?? null,
    targetId: event.target ? String(event.target.id) : null,
    before: event.before ?? null,
    after: event.after ?? null,
    detail: event.detail ?? null,
  });
  const json = (v: Record<string, unknown> | null) => (v === null ? null : JSON.stringify(v));
  const fields: ChainedFields = {
    at: entry.at,
    actor_id: entry.actorId,
    actor_username: entry.actorUsername,
    ip: entry.ip,
    action: entry.action,
    region_code: entry.regionCode,
    target_type: entry.targetType,
    target_id: entry.targetId,
    before_json: json(entry.before),
    after_json: json(entry.after),
    detail_json: json(entry.detail),
  };
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, actor, event, now));
    // Readers go on; a second writer waits here until this transaction ends, so it reads our hash as its link.
    await sql`LOCK TABLE audit_log IN EXCLUSIVE MODE`.execute(db);
    return linkAndInsert(db, fields);
  }
  const turn = sqliteAppends.then(() => linkAndInsert(db, fields));
  sqliteAppends = turn.catch(() => undefined);
  return turn;
}

/** Appends in this process take turns on SQLite, so they do not all race for the same link and retry. */
let sqliteAppends: Promise<void> = Promise.resolve();

async function linkAndInsert(db: Kysely<Database>, fields: ChainedFields): Promise<void> {
  // Another process (a script) may still append between our read and insert; the trigger refuses, we retry.
  for (let attempt = 1; ; attempt++) {
    const newest = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const prevHash = newest?.hash ?? genesisHash;
    try {
      await db
        .insertInto('audit_log')
        .values({ ...fields, prev_hash: prevHash, hash: entryHash(fields, prevHash) })
        .execute();
      return;
    } catch (error) {
      if (attempt >= 10 || !String(error).includes(chainConflict)) throw error;
    }
  }
}

/**
 * Whose entries a viewer sees: those for its region and below, plus, for an admin at the top of the tree,
 * entries tied to no region (failed logins with unknown usernames), which no lower admin could place.
 */
export interface AuditScope {
  regionCode: string;
  includeUnscoped: boolean;
}

export type AuditRecord = AuditEntry & { id: number };

type AuditQuery = SelectQueryBuilder<Database, 'audit_log', object>;

function scoped(db: Kysely<Database>, scope: AuditScope, filter: Omit<AuditFilter, 'page'>): AuditQuery {
  const { from, before } = regionPrefixRange(scope.regionCode);
  const { since, before: until } = auditTimeRange(filter);
  let query: AuditQuery = db.selectFrom('audit_log').where((eb) => {
    const inRegion = eb.and([eb('region_code', '>=', from), eb('region_code', '<', before)]);
    return scope.includeUnscoped ? eb.or([inRegion, eb('region_code', 'is', null)]) : inRegion;
  });
  if (since) query = query.where('at', '>=', since);
  if (until) query = query.where('at', '<', until);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actor) query = query.where('actor_username', '=', filter.actor);
  return query;
}

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
  const parse = (v: string | null) => (v === null ? null : (JSON.parse(v) as Record<string, unknown>));
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    ip: row.ip,
    // Stored by appendAudit after validation; a name retired from the enum still reads back as written.
    action: row.action as AuditAction,
    regionCode: row.region_code,
    targetType: row.target_type,
    targetId: row.target_id,
    before: parse(row.before_json),
    after: parse(row.after_json),
    detail: parse(row.detail_json),
  };
}

/** Newest first. `total` lets the viewer show how many pages there are. */
export async function queryAudit(
  db: Kysely<Database>,
  scope: AuditScope,
  filter: AuditFilter,
  pageSize = 50,
): Promise<{ entries: AuditRecord[]; total: number }> {
  const { page, ...rest } = filter;
  const count = await scoped(db, scope, rest).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const rows = await scoped(db, scope, rest)
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { entries: rows.map(toRecord), total: Number(count?.n ?? 0) };
}

/** Every matching entry, newest first, fetched in batches so that a six-month export never sits in memory. */
export async function* allAuditEntries(
  db: Kysely<Database>,
  scope: AuditScope,
  filter: Omit<AuditFilter, 'page'>,
  batchSize = 1000,
): AsyncGenerator<AuditRecord> {
  let beforeId = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await scoped(db, scope, filter).selectAll().where('id', '<', beforeId).orderBy('id', 'desc').limit(batchSize).execute();
    for (const row of rows) yield toRecord(row);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    beforeId = last.id;
  }
}

/** A viewer's scope: its region and below, plus region-less entries for an admin at the top of the tree. */
export function auditScopeOf(tree: RegionTree, regionCode: string): AuditScope {
  return { regionCode, includeUnscoped: tree.get(regionCode)?.parentCode === null };
}
