import type { Store } from '../store/openStore.ts';
import { pruneRateWindows } from '../store/rateLimitStore.ts';
import type { ScheduledJob } from './jobRunner.ts';

/** The longest window a shared rate limit uses (reports and status look-ups count per hour). */
const longestWindowMs = 3_600_000;

/** Deletes shared rate-limit windows that have ended: one row per address seen would otherwise stay for good. */
export function rateWindowPruneJob(store: Store, everyMs = 15 * 60_000): ScheduledJob {
  return { name: 'rate-window-prune', everyMs, run: async (now) => void (await pruneRateWindows(store, new Date(now.getTime() - longestWindowMs))) };
}
