import { type Kysely, PostgresAdapter } from 'kysely';

/** The two engines the store runs on; SQLite unless DATABASE_URL names a PostgreSQL database. */
export type StoreEngine = 'sqlite' | 'postgresql';

/** Told by the dialect's adapter, so migrations (which see only Kysely<unknown>) can ask too. */
export function storeEngine(db: Pick<Kysely<unknown>, 'getExecutor'>): StoreEngine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgresql' : 'sqlite';
}
