import { DatabaseSync } from 'node:sqlite';
import { GenericSqliteDialect, type IGenericSqlite } from 'kysely-generic-sqlite';

/**
 * Kysely over Node's built-in SQLite: no native addon to compile, so the store works on the Node that
 * `npm run` provides (24) whatever Node ran `npm install`.
 */
export function openSqlite(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  // WAL lets the portal read while an import writes; busy_timeout covers the short write lock.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  return db;
}

export function nodeSqliteDialect(db: DatabaseSync): GenericSqliteDialect {
  const executor: IGenericSqlite<DatabaseSync> = {
    db,
    close: () => db.close(),
    query: (_isSelect, sql, parameters) => {
      const statement = db.prepare(sql);
      const params = parameters as Parameters<typeof statement.all>;
      // Whether a statement yields rows is known from its columns, which also covers INSERT … RETURNING.
      if (statement.columns().length > 0) {
        return { rows: statement.all(...params) };
      }
      const { changes, lastInsertRowid } = statement.run(...params);
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
    },
  };
  return new GenericSqliteDialect(() => executor);
}
