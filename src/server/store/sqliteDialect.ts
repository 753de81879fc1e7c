import { DatabaseSync } from 'node:sqlite';
import { CompiledQuery, type DatabaseConnection } from 'kysely';
import { BaseSqliteDialect, GenericSqliteDriver, type IGenericSqlite } from 'kysely-generic-sqlite';
import { storeBusyBudgetMs, whileStoreBusy } from '../resilience/storeBusy.ts';
import { ServiceUnavailableError } from '../resilience/unavailable.ts';

/**
 * SQLite waits at most this long, synchronously, for another connection's write lock; `node:sqlite` blocks the
 * event loop meanwhile, so it is kept short and longer waits are retried asynchronously (whileStoreBusy).
 */
const busyTimeoutMs = 10;

/**
 * Kysely over Node's built-in SQLite: no native addon to compile, so the store works on the Node that
 * `npm run` provides (24) whatever Node ran `npm install`.
 */
export function openSqlite(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  // WAL lets the portal read while an import writes (readers never wait for a writer).
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${busyTimeoutMs};`);
  return db;
}

/**
 * One connection serves every request, so only one transaction may be open on it at a time: a second one
 * waits here (bounded, then store_busy) instead of failing with "cannot start a transaction within a
 * transaction". Transactions begin IMMEDIATE, taking the write lock first: a statement inside one then never
 * meets a busy lock halfway, so retrying the BEGIN alone is always safe.
 */
class NodeSqliteDriver extends GenericSqliteDriver {
  #open: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const previous = this.#open;
    let release = () => {};
    this.#open = new Promise<void>((r) => {
      release = r;
    });
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([previous.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), storeBusyBudgetMs)))]);
    clearTimeout(timer);
    if (!waited) {
      // Our turn comes after the open one; pass it on so that the queue keeps moving.
      void previous.then(release);
      throw new ServiceUnavailableError('store_busy', 5);
    }
    this.#release = release;
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } catch (error) {
      this.#finish();
      throw error;
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      this.#finish();
    }
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      this.#finish();
    }
  }

  #finish(): void {
    this.#release?.();
    this.#release = null;
  }
}

class NodeSqliteDialect extends BaseSqliteDialect {
  constructor(executor: IGenericSqlite<DatabaseSync>) {
    super(() => new NodeSqliteDriver(() => executor));
  }
}

export function nodeSqliteDialect(db: DatabaseSync): BaseSqliteDialect {
  const executor: IGenericSqlite<DatabaseSync> = {
    db,
    close: () => db.close(),
    query: (_isSelect, sql, parameters) =>
      whileStoreBusy(() => {
        const statement = db.prepare(sql);
        const params = parameters as Parameters<typeof statement.all>;
        // Whether a statement yields rows is known from its columns, which also covers INSERT … RETURNING.
        if (statement.columns().length > 0) {
          return { rows: statement.all(...params) };
        }
        const { changes, lastInsertRowid } = statement.run(...params);
        return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
      }),
  };
  return new NodeSqliteDialect(executor);
}
