import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import pg from 'pg';
import { type StoreLocation, sqliteFileIn } from './openStore.ts';
import { postgresProgram } from './postgresTools.ts';

const run = promisify(execFile);

/** Refusals an operator can act on (wrong path, target not empty), as opposed to a crash. */
export class StoreBackupError extends Error {
  override name = 'StoreBackupError';
}

/**
 * The URL without its password, which goes in PGPASSWORD instead, so that it does not show in the process list
 * while pg_dump or pg_restore runs.
 */
function postgresConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function runProgram(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(postgresProgram(name), args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new StoreBackupError(`${name} failed: ${detail}`);
  }
}

/**
 * Writes a consistent copy of the store to `outFile` while the portal keeps running: SQLite through
 * `VACUUM INTO` (one read transaction, so a snapshot), PostgreSQL through `pg_dump -Fc` (one snapshot too).
 * Written beside the target and renamed, so a failed run never leaves a half file under the backup's name.
 */
export async function backupStore(location: StoreLocation, outFile: string): Promise<void> {
  mkdirSync(dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  rmSync(partial, { force: true });
  try {
    if (location.DATABASE_URL) {
      const { dbname, env } = postgresConnection(location.DATABASE_URL);
      await runProgram('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${dbname}`], env);
    } else {
      const file = sqliteFileIn(location.DATA_DIR);
      if (!existsSync(file)) throw new StoreBackupError(`no SQLite store at ${file}`);
      const db = new DatabaseSync(file);
      try {
        db.prepare('VACUUM INTO ?').run(partial);
      } finally {
        db.close();
      }
    }
    renameSync(partial, outFile);
  } finally {
    rmSync(partial, { force: true });
  }
}

async function postgresTableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function checkSqliteBackup(file: string): void {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const check = db.prepare('PRAGMA integrity_check').get() as { integrity_check?: string } | undefined;
    if (check?.integrity_check !== 'ok') throw new StoreBackupError(`${file} is damaged: ${check?.integrity_check}`);
  } catch (error) {
    if (error instanceof StoreBackupError) throw error;
    throw new StoreBackupError(`${file} is not a SQLite store backup: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Restores a backup made by backupStore into an empty store: a DATA_DIR without portal.sqlite, or a database
 * without tables. It never overwrites, so a mistyped DATA_DIR or DATABASE_URL cannot destroy a live store;
 * the portal must be stopped, and started again afterwards (then run `npm run reindex`).
 */
export async function restoreStore(location: StoreLocation, backupFile: string): Promise<void> {
  if (!existsSync(backupFile)) throw new StoreBackupError(`no backup file at ${backupFile}`);
  if (location.DATABASE_URL) {
    if ((await postgresTableCount(location.DATABASE_URL)) > 0) {
      throw new StoreBackupError('the database in DATABASE_URL already has tables; restore into a new, empty database');
    }
    const { dbname, env } = postgresConnection(location.DATABASE_URL);
    await runProgram('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, backupFile], env);
    return;
  }
  const file = sqliteFileIn(location.DATA_DIR);
  if (existsSync(file)) throw new StoreBackupError(`${file} already exists; restore into an empty DATA_DIR`);
  checkSqliteBackup(backupFile);
  mkdirSync(location.DATA_DIR, { recursive: true });
  const partial = `${file}.restoring`;
  copyFileSync(backupFile, partial);
  renameSync(partial, file);
}
