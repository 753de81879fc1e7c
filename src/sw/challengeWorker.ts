/// <reference lib="webworker" />
import { solveChallenge } from 'altcha-lib/v1';
import type { ReportChallenge } from './solveReportChallenge.ts';

// Thousands of hashes would block a mid-range phone's main thread for seconds (typing would stutter); here
// they run beside it. altcha-lib is imported statically: a worker bundle is one file.
self.addEventListener('message', async (event: MessageEvent<ReportChallenge>) => {
  const c = event.data;
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise.catch(() => null);
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(solution);
});
