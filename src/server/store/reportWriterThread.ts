/**
 * The report writer thread (reportWriter.ts starts it): its own connection to the store's SQLite file, and
 * the group commit, so that reports arriving while one commit is on its way to disk share the next one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely } from 'kysely';
import { isServiceUnavailable } from '../resilience/unavailable.ts';
import { groupCommit } from './groupCommit.ts';
import type { WriterReply } from './reportWriter.ts';
import { type NewCitizenReport, writeReport } from './reportStore.ts';
import type { Database } from './schema.ts';
import { nodeSqliteDialect, openSqlite } from './sqliteDialect.ts';

const connection = openSqlite((workerData as { file: string }).file);
// Waiting synchronously for another connection's write lock blocks only this thread, not the requests.
connection.exec('PRAGMA busy_timeout = 1000');
const db = new Kysely<Database>({ dialect: nodeSqliteDialect(connection) });

parentPort?.postMessage({ ready: true } satisfies WriterReply);

parentPort?.on('message', ({ id, report }: { id: number; report: NewCitizenReport }) => {
  groupCommit(db, report, writeReport).then(
    (outcome) => parentPort?.postMessage({ id, outcome } satisfies WriterReply),
    (error: unknown) => {
      const unavailable = isServiceUnavailable(error) ? { code: error.code, retryAfterSeconds: error.retryAfterSeconds } : undefined;
      parentPort?.postMessage({ id, error: { message: error instanceof Error ? error.message : String(error), ...(unavailable ? { unavailable } : {}) } } satisfies WriterReply);
    },
  );
});
