import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { type ChainedFields, entryHash, genesisHash } from '../../../domain/staff/auditChain.ts';

/** The tables as this migration sees them (migrations describe the schema as it was then). */
interface Then {
  audit_log: ChainedFields & { id: number; prev_hash: string | null; hash: string | null };
}

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Staff security, round two:
 * - the audit log becomes a hash chain (see domain/staff/auditChain.ts); existing entries are hashed in id order;
 * - the database refuses an insert that reuses an id (SQLite's INSERT OR REPLACE deletes the old row without
 *   firing DELETE triggers) or that does not link to the newest entry (a fork of the chain);
 * - lock-out counters change meaning (per account at a source, per source, per account), so the old ones go;
 * - refused logins are tallied per account × source × 15-minute window, so the log gets a summary, not a flood.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  await hashExistingEntries(db);
  await guardAuditInserts(db);

  await sql`DELETE FROM login_throttles`.execute(db);
  await db.schema
    .createTable('login_refusal_tallies')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('refusals', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('region_code', 'text')
    .addColumn('account_id', 'integer')
    .addPrimaryKeyConstraint('login_refusal_tallies_pk', ['subject', 'source', 'window_start'])
    .execute();
  await db.schema.createIndex('login_refusal_tallies_window').on('login_refusal_tallies').column('window_start').execute();
}

/** Entries written before this migration join the chain in id order; the update trigger steps aside meanwhile. */
async function hashExistingEntries(db: Kysely<unknown>): Promise<void> {
  const log = db as unknown as Kysely<Then>;
  if (isPostgres(db)) await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
  else await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  let prev = genesisHash;
  let afterId = 0;
  for (;;) {
    const rows = await log.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(1000).execute();
    for (const row of rows) {
      const hash = entryHash(row, prev);
      await log.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
      prev = hash;
    }
    const last = rows.at(-1);
    if (!last) break;
    afterId = last.id;
  }
  if (isPostgres(db)) {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }
}

/**
 * Every insert must carry a hash, a fresh id, and a link to the newest entry. The link check runs inside the
 * inserting transaction's write lock, so two appends racing cannot both link to the same entry.
 */
async function guardAuditInserts(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(`CREATE FUNCTION audit_log_chained_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.hash IS NULL THEN RAISE EXCEPTION 'audit_log entries need a hash'; END IF;
        IF EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) THEN RAISE EXCEPTION 'audit_log is append-only'; END IF;
        IF NEW.prev_hash IS DISTINCT FROM COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${genesisHash}') THEN
          RAISE EXCEPTION 'audit_log entry does not link to the newest entry';
        END IF;
        RETURN NEW;
      END $$`)
      .execute(db);
    await sql`CREATE TRIGGER audit_log_chained_insert BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_chained_insert()`.execute(db);
    // TRUNCATE skips row triggers; the existing function refuses it as a statement trigger too.
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    return;
  }
  // With INTEGER PRIMARY KEY left to SQLite, NEW.id is -1 here, which no entry has.
  await sql
    .raw(`CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
      WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
      WHEN NEW.hash IS NULL
        OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${genesisHash}')
      BEGIN SELECT RAISE(ABORT, 'audit_log entry does not link to the newest entry'); END`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_refusal_tallies').ifExists().execute();
  if (isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_chained_insert ON audit_log`.execute(db);
    await sql`DROP FUNCTION IF EXISTS audit_log_chained_insert()`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS audit_log_chained`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_replace`.execute(db);
  }
  // The hash columns stay: dropping a column is not portable to older SQLite, and they harm nothing.
}
