import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openStore, type Store, type StoreLocation } from '../../src/server/store/openStore.ts';
import type { StoreEngine } from '../../src/server/store/storeEngine.ts';
import { migratedTemplate } from './testPostgres.ts';

export const storeEngines: readonly StoreEngine[] = ['sqlite', 'postgresql'];

export function postgresAvailable(): boolean {
  return inject('postgresUrl') !== '';
}

async function onPostgresServer(statement: string): Promise<void> {
  const client = new pg.Client(inject('postgresUrl'));
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * An empty place for a store: a fresh temporary DATA_DIR, and for PostgreSQL also a fresh database in the run's
 * server, without tables, or with `migrated` a copy of the run's migrated template (postgresGlobalSetup.ts), which
 * saves each test the migrations.
 */
export async function emptyStoreLocation(
  engine: StoreEngine,
  options: { migrated?: boolean } = {},
): Promise<{ location: StoreLocation; remove(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (engine === 'sqlite') return { location: { DATA_DIR: dir }, remove: async () => removeDir() };
  const name = `t_${randomBytes(6).toString('hex')}`;
  await onPostgresServer(`CREATE DATABASE ${name}${options.migrated ? ` TEMPLATE ${migratedTemplate}` : ''}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return {
    location: { DATA_DIR: dir, DATABASE_URL: url.toString() },
    remove: async () => {
      await onPostgresServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      removeDir();
    },
  };
}

export interface TestStore {
  engine: StoreEngine;
  store: Store;
  location: StoreLocation;
  close(): Promise<void>;
}

/** A migrated, empty store on the given engine, alone in its file or database. */
export async function openTestStore(engine: StoreEngine): Promise<TestStore> {
  const place = await emptyStoreLocation(engine, { migrated: true });
  const store = await openStore(place.location);
  return {
    engine,
    store,
    location: place.location,
    close: async () => {
      await store.destroy();
      await place.remove();
    },
  };
}

/**
 * Runs the same tests on SQLite and on PostgreSQL; the engine is in the describe name (`[sqlite]`,
 * `[postgresql]`), which tests/support/storeEngineReporter.ts counts at the end of the run.
 */
export function describeStores(name: string, body: (open: () => Promise<TestStore>, engine: StoreEngine) => void): void {
  for (const engine of storeEngines) {
    describe.skipIf(engine === 'postgresql' && !postgresAvailable())(`${name} [${engine}]`, () => body(() => openTestStore(engine), engine));
  }
}
