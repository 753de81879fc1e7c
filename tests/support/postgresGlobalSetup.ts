import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../../src/server/store/openStore.ts';
import { migratedTemplate, startTestPostgres, type TestPostgres } from './testPostgres.ts';

/** Runs every migration once on a fresh database, which test stores are then copied from. */
async function migrateTemplate(serverUrl: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${migratedTemplate}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${migratedTemplate}`;
  // Closed at once: PostgreSQL copies a template only while nobody is connected to it.
  await (await openPostgresStore(url.toString())).destroy();
}

/**
 * One PostgreSQL for the whole run; each test store gets its own database in it (tests/support/testStores.ts).
 * Where it cannot start (no `postgresql` package, no `postgres` user), the PostgreSQL half of the store tests is
 * skipped with the reason printed, except on CI, where that would hide a broken engine. A migration that fails
 * on PostgreSQL fails the run everywhere: that is the portability the store tests are there to catch.
 */
export default async function setup(project: TestProject) {
  let server: TestPostgres;
  try {
    server = await startTestPostgres();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true') throw new Error(`PostgreSQL for the store tests did not start (CI=true):\n${reason}`);
    console.warn(`\nPostgreSQL did not start, so the PostgreSQL half of the store tests is skipped:\n${reason}\n`);
    project.provide('postgresUrl', '');
    return;
  }
  try {
    await migrateTemplate(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('postgresUrl', server.url);
  return server.stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance URL of the run's PostgreSQL, or '' when it could not start. */
    postgresUrl: string;
  }
}
