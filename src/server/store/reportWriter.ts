import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ServiceUnavailableError, type UnavailableCode } from '../resilience/unavailable.ts';
import type { NewCitizenReport, RecordReportOutcome } from './reportStore.ts';
import { sqliteFileOf } from './sqliteFile.ts';

/** What the thread answers for one report: its outcome after the commit, or why it failed. */
export type WriterReply =
  | { ready: true }
  | { id: number; outcome: RecordReportOutcome | 'lost_race' }
  | { id: number; error: { message: string; unavailable?: { code: UnavailableCode; retryAfterSeconds: number } } };

export interface ReportWriter {
  /** Settles when the thread has its connection open (rejects when it could not start). */
  ready: Promise<void>;
  write(report: NewCitizenReport): Promise<RecordReportOutcome | 'lost_race'>;
  stop(): Promise<void>;
}

const threadFileName = 'reportWriterThread.ts';
let threadFile: string | undefined;

/**
 * The thread's entry is a source file that Node runs as it is. Beside this module in the sources; from the
 * server bundle (dist/server/chunks/), found under src/ of the project that the bundle was built from.
 */
function threadEntry(): string {
  if (threadFile) return threadFile;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    for (const candidate of [join(dir, threadFileName), join(dir, 'src', 'server', 'store', threadFileName)]) {
      if (existsSync(candidate)) {
        threadFile = candidate;
        return candidate;
      }
    }
    if (dirname(dir) === dir) throw new Error(`${threadFileName} not found above ${fileURLToPath(import.meta.url)}`);
  }
}

/**
 * A worker thread with its own `node:sqlite` connection that writes citizen reports with group commit: many
 * reports per synchronous=FULL fsync, and neither the statements nor the fsync block the event loop that
 * parses requests meanwhile. Each caller hears back only after the commit that holds its report.
 */
function startWriter(file: string): ReportWriter {
  const worker = new Worker(threadEntry(), { workerData: { file } });
  const pending = new Map<number, { resolve(outcome: RecordReportOutcome | 'lost_race'): void; reject(error: unknown): void }>();
  let nextId = 0;
  let failure: unknown = null;
  let markReady: () => void = () => {};
  let markFailed: (error: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // Nobody may be waiting for it (a writer started by the first report): its failure reaches the writes instead.
  ready.catch(() => {});
  // A writer with nothing to do does not keep the process alive; one with reports in flight does.
  worker.unref();
  worker.on('message', (reply: WriterReply) => {
    if ('ready' in reply) {
      markReady();
      return;
    }
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (!waiting) return;
    if ('outcome' in reply) waiting.resolve(reply.outcome);
    else if (reply.error.unavailable) waiting.reject(new ServiceUnavailableError(reply.error.unavailable.code, reply.error.unavailable.retryAfterSeconds));
    else waiting.reject(new Error(reply.error.message));
  });
  const failAll = (error: unknown) => {
    failure = error;
    markFailed(error);
    writers().delete(file);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`report writer thread exited (${code})`)));
  return {
    ready,
    write(report) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, report });
      });
    },
    async stop() {
      writers().delete(file);
      await worker.terminate();
    },
  };
}

// One writer per file, shared (on globalThis) by the start script's and the server bundle's copies of this module.
const holder = globalThis as typeof globalThis & { __reportWriters?: Map<string, ReportWriter> };
function writers(): Map<string, ReportWriter> {
  holder.__reportWriters ??= new Map();
  return holder.__reportWriters;
}

export function reportWriterFor(file: string): ReportWriter {
  let writer = writers().get(file);
  if (!writer) {
    writer = startWriter(file);
    writers().set(file, writer);
  }
  return writer;
}

/**
 * Starts the writer of a SQLite store before the first report needs it (the server does this at start, so that
 * the first citizen after a restart does not wait for the thread, and a thread that cannot start stops it).
 * Nothing to do for PostgreSQL or an in-memory store.
 */
export async function startReportWriter(store: object): Promise<void> {
  const file = sqliteFileOf(store);
  if (file) await reportWriterFor(file).ready;
}

/** Stops the file's writer, if one runs (when its store closes). */
export async function stopReportWriter(file: string): Promise<void> {
  await writers().get(file)?.stop();
}
