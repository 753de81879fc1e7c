import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { genesisHash } from '../../../src/domain/staff/auditChain.ts';
import type { AuditActor } from '../../../src/domain/staff/audit.ts';
import { auditExportLines, verifyAuditChain } from '../../../src/server/staff/auditChainCheck.ts';
import { appendAudit } from '../../../src/server/store/auditLogStore.ts';
import * as m0001 from '../../../src/server/store/migrations/0001_catalogue_and_stock.ts';
import * as m0002 from '../../../src/server/store/migrations/0002_staff.ts';
import * as m0008 from '../../../src/server/store/migrations/0008_staff_security.ts';
import type { Store } from '../../../src/server/store/openStore.ts';
import type { Database } from '../../../src/server/store/schema.ts';
import { nodeSqliteDialect, openSqlite } from '../../../src/server/store/sqliteDialect.ts';
import { openTestStore } from './staffFixtures.ts';

let store: Store;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ store, close } = await openTestStore());
});
afterEach(async () => close());

const actor: AuditActor = { id: 1, username: 'city.admin', ip: '192.0.2.1' };
const t0 = new Date('2026-03-02T01:00:00Z');

async function appendFive() {
  for (let i = 0; i < 5; i++) {
    await appendAudit(store, actor, { action: 'account.roles', regionCode: '3602', detail: { step: i } }, new Date(t0.getTime() + i * 1000));
  }
  return (await store.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
}

/** What someone with a SQL console would do: remove the guards first, then edit. */
async function dropGuards() {
  for (const trigger of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_replace', 'audit_log_chained']) {
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(store);
  }
}

describe('audit log guards', () => {
  test('refuses INSERT OR REPLACE over an existing entry and leaves the entry as it was', async () => {
    const [first = 0] = await appendFive();
    const before = await store.selectFrom('audit_log').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
    // Linked to the newest entry, so that only the overwrite itself is wrong with it.
    const newest = await store.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const replace = sql`INSERT OR REPLACE INTO audit_log (id, at, action, prev_hash, hash) VALUES (${first}, ${t0.toISOString()}, 'logout', ${newest.hash}, 'x')`;
    await expect(replace.execute(store)).rejects.toThrow(/append-only/);
    expect(await store.selectFrom('audit_log').selectAll().where('id', '=', first).executeTakeFirst()).toEqual(before);
  });

  test('refuses an entry that does not link to the newest one', async () => {
    await appendFive();
    const fork = sql`INSERT INTO audit_log (at, action, prev_hash, hash) VALUES (${t0.toISOString()}, 'logout', ${genesisHash}, ${'a'.repeat(64)})`;
    await expect(fork.execute(store)).rejects.toThrow(/does not link/);
  });

  test('keeps one unbroken chain when many appends race', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => appendAudit(store, actor, { action: 'logout', regionCode: '3602', detail: { i } }, t0)));
    const report = await verifyAuditChain(store);
    expect(report).toMatchObject({ checked: 30, firstBreak: null });
  });
});

describe('verifyAuditChain', () => {
  test('returns no break for an untouched log, and the last entry to continue from', async () => {
    const ids = await appendFive();
    const report = await verifyAuditChain(store);
    expect(report).toMatchObject({ checked: 5, lastId: ids[4], firstBreak: null });
    expect(await verifyAuditChain(store, ids[1] ?? 0)).toMatchObject({ checked: 3, firstBreak: null });
  });

  test('names an entry whose content was edited', async () => {
    const ids = await appendFive();
    await dropGuards();
    await sql`UPDATE audit_log SET detail_json = '{"step":99}' WHERE id = ${ids[2]}`.execute(store);
    expect(await verifyAuditChain(store)).toMatchObject({ checked: 2, firstBreak: { id: ids[2], problem: 'content' } });
  });

  test('names the entry after one that was edited and rehashed, or removed', async () => {
    const ids = await appendFive();
    await dropGuards();
    await sql`UPDATE audit_log SET hash = ${'b'.repeat(64)} WHERE id = ${ids[1]}`.execute(store);
    expect((await verifyAuditChain(store)).firstBreak).toEqual({ id: ids[1], problem: 'content' });
    await sql`DELETE FROM audit_log WHERE id = ${ids[1]}`.execute(store);
    expect((await verifyAuditChain(store)).firstBreak).toEqual({ id: ids[2], problem: 'link' });
  });
});

describe('auditExportLines', () => {
  test('writes the entries after an id as NDJSON that links to the entry before them', async () => {
    const ids = await appendFive();
    const lines: string[] = [];
    for await (const line of auditExportLines(store, ids[1] ?? 0)) lines.push(line);
    const entries = lines.map((l) => JSON.parse(l) as { id: number; prev_hash: string; hash: string });
    expect(entries.map((e) => e.id)).toEqual(ids.slice(2));
    const held = await store.selectFrom('audit_log').select('hash').where('id', '=', ids[1] ?? 0).executeTakeFirstOrThrow();
    expect(entries[0]?.prev_hash).toBe(held.hash);
    expect(entries[1]?.prev_hash).toBe(entries[0]?.hash);
  });
});

describe('migration 0008', () => {
  test('hashes the entries written before it, in id order, into a chain that verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-migration-'));
    const db = new Kysely<Database>({ dialect: nodeSqliteDialect(openSqlite(join(dir, 'old.sqlite'))) });
    const migrate = async (migrations: Record<string, Migration>) => {
      const result = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
      if (result.error) throw result.error;
    };
    try {
      await migrate({ '0001': m0001, '0002': m0002 });
      for (const action of ['login.success', 'logout', 'account.create']) {
        await sql`INSERT INTO audit_log (at, action, region_code) VALUES (${t0.toISOString()}, ${action}, '3602')`.execute(db);
      }
      await migrate({ '0001': m0001, '0002': m0002, '0008': m0008 });
      expect(await verifyAuditChain(db)).toMatchObject({ checked: 3, firstBreak: null });
      await appendAudit(db, actor, { action: 'logout', regionCode: '3602' }, t0);
      expect(await verifyAuditChain(db)).toMatchObject({ checked: 4, firstBreak: null });
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
