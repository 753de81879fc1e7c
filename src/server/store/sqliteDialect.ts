import { DatabaseSync } from 'node:sqlite';
import { CompiledQuery, type DatabaseConnection, type DialectAdapter, type QueryResult, SqliteAdapter } from 'kysely';
import { BaseSqliteDialect, BaseSqliteDriver } from 'kysely-generic-sqlite';
import { whileStoreBusy } from '../resilience/storeBusy.ts';

/**
 * SQLite waits at most this long, synchronously, for another connection's write lock; `node:sqlite` blocks the
 * event loop meanwhile, so it is kept short and longer waits are retried asynchronously (whileStoreBusy).
 */
const busyTimeoutMs = 10;

/** Enough for a few requests waiting on a busy write lock while others keep reading (docs/decisions/007). */
const poolSize = 4;

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

class NodeSqliteConnection implements DatabaseConnection {
  readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  async executeQuery<R>({ sql, parameters }: CompiledQuery): Promise<QueryResult<R>> {
    return whileStoreBusy(() => {
      const statement = this.db.prepare(sql);
      const params = parameters as Parameters<typeof statement.all>;
      // Whether a statement yields rows is known from its columns, which also covers INSERT … RETURNING.
      if (statement.columns().length > 0) return { rows: statement.all(...params) as R[] };
      const { changes, lastInsertRowid } = statement.run(...params);
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
    });
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered; Kysely requires the method to exist.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery() is not supported by the node:sqlite store');
  }
}

/**
 * A few connections to the same file instead of one: a request waiting (asynchronously) for the write lock
 * that another process holds keeps its connection, and the others still read on theirs. Transactions begin
 * IMMEDIATE, taking the write lock first, so a statement inside one never meets a busy lock halfway and
 * retrying the BEGIN alone is always safe.
 */
class NodeSqlitePool extends BaseSqliteDriver {
  readonly #open: () => DatabaseSync;
  readonly #size: number;
  readonly #all: NodeSqliteConnection[] = [];
  readonly #idle: NodeSqliteConnection[] = [];
  readonly #waiting: ((connection: NodeSqliteConnection) => void)[] = [];

  constructor(open: () => DatabaseSync, size: number) {
    super(async () => {});
    this.#open = open;
    this.#size = size;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#all.length < this.#size) {
      const connection = new NodeSqliteConnection(await whileStoreBusy(this.#open));
      this.#all.push(connection);
      return connection;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  // Kysely passes the connection back; the base class (one connection) declares no parameter for it.
  override async releaseConnection(...released: unknown[]): Promise<void> {
    const connection = released[0] as NodeSqliteConnection;
    const next = this.#waiting.shift();
    if (next) next(connection);
    else this.#idle.push(connection);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async destroy(): Promise<void> {
    for (const connection of this.#all.splice(0)) connection.db.close();
    this.#idle.length = 0;
  }
}

/** Kysely serialises every query of a dialect that claims one connection; this one hands out several. */
class PooledSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

class NodeSqliteDialect extends BaseSqliteDialect {
  override createAdapter(): DialectAdapter {
    return new PooledSqliteAdapter();
  }
}

/**
 * `path`: a pool of connections opened by `openSqlite`; an open `DatabaseSync` (":memory:", a read-only
 * connection in tests): that one connection, taken by one request at a time.
 */
export function nodeSqliteDialect(source: string | DatabaseSync): BaseSqliteDialect {
  const single = typeof source === 'string' ? null : source;
  const open = single ? () => single : () => openSqlite(source as string);
  const size = single || source === ':memory:' ? 1 : poolSize;
  return new NodeSqliteDialect(() => new NodeSqlitePool(open, size));
}
