import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import * as m0001 from './migrations/0001_catalogue_and_stock.ts';
import * as m0002 from './migrations/0002_staff.ts';
import * as m0003 from './migrations/0003_shortage_imports.ts';
import * as m0004 from './migrations/0004_articles.ts';
import * as m0005 from './migrations/0005_notice_attachments.ts';
import * as m0006 from './migrations/0006_stock_reported_at_index.ts';
import * as m0007 from './migrations/0007_article_revisions.ts';
import * as m0008 from './migrations/0008_staff_security.ts';
import * as m0009 from './migrations/0009_shortage_import_rows.ts';
import * as m0013 from './migrations/0013_facility_closures.ts';
import { postgresDialect } from './postgresDialect.ts';
import * as m0010 from './migrations/0010_citizen_reports.ts';
import * as m0014 from './migrations/0014_job_leases.ts';
import * as m0015 from './migrations/0015_rate_limit_windows.ts';
import * as m0050 from './migrations/0050_citizen_reports_by_facility.ts';
import { stopReportWriter } from './reportWriter.ts';
import * as m0025 from './migrations/0025_stock_change_sequence.ts';
import * as m0020 from './migrations/0020_facility_registration_numbers.ts';
import * as m0021 from './migrations/0021_api_keys.ts';
import * as m0040 from './migrations/0040_alert_subscriptions.ts';
import * as m0030 from './migrations/0030_price_watch.ts';
import type { Database } from './schema.ts';
import { rememberSqliteFile } from './sqliteFile.ts';
import { nodeSqliteDialect, openSqlite } from './sqliteDialect.ts';

export type Store = Kysely<Database>;

/** Listed here, not read from a folder, so the bundled server carries its migrations with it. */
const migrations: Record<string, Migration> = {
  '0001_catalogue_and_stock': m0001,
  '0002_staff': m0002,
  '0003_shortage_imports': m0003,
  '0004_articles': m0004,
  '0005_notice_attachments': m0005,
  '0006_stock_reported_at_index': m0006,
  '0007_article_revisions': m0007,
  '0008_staff_security': m0008,
  '0009_shortage_import_rows': m0009,
  '0010_citizen_reports': m0010,
  '0014_job_leases': m0014,
  '0013_facility_closures': m0013,
  '0015_rate_limit_windows': m0015,
  '0050_citizen_reports_by_facility': m0050,
  '0025_stock_change_sequence': m0025,
  '0020_facility_registration_numbers': m0020,
  '0021_api_keys': m0021,
  '0040_alert_subscriptions': m0040,
  '0030_price_watch': m0030,
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Store migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** Where the store is: a PostgreSQL database when DATABASE_URL is set, else a SQLite file in DATA_DIR. */
export interface StoreLocation {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
}

export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'portal.sqlite');
}

/** Opens the store the configuration names, on either engine, and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  return location.DATABASE_URL ? openPostgresStore(location.DATABASE_URL) : openSqliteStore(sqliteFileIn(location.DATA_DIR));
}

/** Opens the PostgreSQL database at `databaseUrl` (which must exist) and brings its schema up to date. */
export async function openPostgresStore(databaseUrl: string): Promise<Store> {
  const db = new Kysely<Database>({ dialect: postgresDialect(databaseUrl) });
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** A store on a SQLite file; closing it also stops the report writer thread that has the file open. */
class SqliteFileStore extends Kysely<Database> {
  readonly #file: string;

  constructor(file: string) {
    super({ dialect: nodeSqliteDialect(file) });
    this.#file = file;
  }

  override async destroy(): Promise<void> {
    await stopReportWriter(this.#file);
    await super.destroy();
  }
}

/** Opens (creating if needed) the SQLite store at `path` and brings its schema up to date. */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  if (path === ':memory:') {
    const db = new Kysely<Database>({ dialect: nodeSqliteDialect(openSqlite(path)) });
    await migrateToLatest(db as unknown as Kysely<unknown>);
    return db;
  }
  const db = new SqliteFileStore(path);
  await migrateToLatest(db as unknown as Kysely<unknown>);
  rememberSqliteFile(db, path);
  return db;
}
