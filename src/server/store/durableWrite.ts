import { type Kysely, SqliteAdapter, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs `work` in a transaction whose commit is on disk before it returns. The SQLite store runs WAL with
 * synchronous=NORMAL, which is crash-safe but may lose the last commits on power loss; for writes someone was
 * told are saved (a citizen's acknowledgement), the connection switches to FULL for that one transaction.
 * Holding the connection keeps other queries from running between the switch and the commit. PostgreSQL
 * commits durably by default (synchronous_commit=on), so there it is a plain transaction.
 */
export async function durableTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    await sql`PRAGMA synchronous = FULL`.execute(conn);
    try {
      return await conn.transaction().execute(work);
    } finally {
      await sql`PRAGMA synchronous = NORMAL`.execute(conn);
    }
  });
}

/** A UNIQUE or PRIMARY KEY violation, as SQLite and PostgreSQL report it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errcode?: unknown; message?: unknown };
  return e?.code === '23505' || e?.errcode === 2067 || e?.errcode === 1555 || /UNIQUE constraint failed/.test(String(e?.message));
}
