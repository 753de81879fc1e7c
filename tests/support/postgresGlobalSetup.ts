import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './testPostgres.ts';

/**
 * One PostgreSQL for the whole run; each test store gets its own database in it (tests/support/testStores.ts).
 * Where it cannot start (no `postgresql` package, no `postgres` user), the PostgreSQL half of the store tests is
 * skipped with the reason printed, except on CI, where that would hide a broken engine.
 */
export default async function setup(project: TestProject) {
  try {
    const server = await startTestPostgres();
    project.provide('postgresUrl', server.url);
    return server.stop;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true') throw new Error(`PostgreSQL for the store tests did not start (CI=true):\n${reason}`);
    console.warn(`\nPostgreSQL did not start, so the PostgreSQL half of the store tests is skipped:\n${reason}\n`);
    project.provide('postgresUrl', '');
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance URL of the run's PostgreSQL, or '' when it could not start. */
    postgresUrl: string;
  }
}
