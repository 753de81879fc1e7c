import { randomUUID } from 'node:crypto';
import { acquireJobLease, releaseJobLease } from '../store/jobLeaseStore.ts';
import type { Store } from '../store/openStore.ts';

/** A job the portal runs on a schedule: `run` must be idempotent, since a lease can lapse mid-run. */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** How long one run may hold the job; three periods unless a run can take longer than that (a snapshot build). */
  leaseMs?: number;
  run(now: Date): Promise<void>;
}

export interface JobRunner {
  /** Runs every job whose lease this runner holds or can take now; the names of the jobs it ran. */
  tick(): Promise<string[]>;
  /** Starts each job's timer (unref'd: the timers never keep the process alive). */
  start(): void;
  /** Stops the timers, waits for a run in progress and gives the leases up. */
  stop(): Promise<void>;
}

/**
 * Runs jobs on one store, each at most once at a time across all runners on that store: before each run the
 * runner takes (or renews) the job's lease for three periods, so a runner that dies hands the job over after
 * that, and a live one keeps it. `clock` is injectable so tests can pass deadlines without waiting.
 */
export function jobRunner(
  store: Store,
  jobs: readonly ScheduledJob[],
  options: { clock?: () => Date; onError?: (job: string, error: unknown) => void } = {},
): JobRunner {
  const holder = randomUUID();
  const clock = options.clock ?? (() => new Date());
  const onError = options.onError ?? ((job, error) => console.error(`[jobs] ${job} failed:`, error));
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function runJob(job: ScheduledJob): Promise<boolean> {
    const now = clock();
    if (!(await acquireJobLease(store, job.name, holder, now, job.leaseMs ?? job.everyMs * 3))) return false;
    await job.run(now);
    return true;
  }

  async function tickAll(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of jobs) {
      try {
        if (await runJob(job)) ran.push(job.name);
      } catch (error) {
        onError(job.name, error);
      }
    }
    return ran;
  }

  function schedule(job: ScheduledJob): void {
    const timer = setInterval(() => {
      if (stopped) return;
      // Chained, so a slow run is never overlapped by the next tick in the same process.
      running = running.then(() => runJob(job)).catch((error) => onError(job.name, error));
    }, job.everyMs);
    timer.unref();
    timers.push(timer);
  }

  return {
    tick: () => {
      const result = running.then(tickAll);
      running = result.catch(() => undefined);
      return result;
    },
    start() {
      for (const job of jobs) schedule(job);
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await running.catch(() => undefined);
      for (const job of jobs) await releaseJobLease(store, job.name, holder).catch(() => undefined);
    },
  };
}
