import type { Portal } from '../portal.ts';
import { alertEvaluationJob } from './alertJobs.ts';
import { type JobRunner, jobRunner } from './jobRunner.ts';
import { rateWindowPruneJob } from './rateWindowJobs.ts';
import { openDataSnapshotJob } from './openDataJobs.ts';
import { caseEscalationJob, contactErasureJob } from './reportCaseJobs.ts';
import { webhookDeliveryJob } from './webhookJobs.ts';

/**
 * The jobs the portal runs inside the server process. Every instance starts them; the leases in the store make
 * each run on one instance at a time. Returns the runner so the caller can stop it on shutdown.
 */
export function startScheduledJobs(portal: Pick<Portal, 'store' | 'config'>): JobRunner {
  const runner = jobRunner(portal.store, [
    caseEscalationJob(portal.store),
    contactErasureJob(portal.store, portal.config),
    webhookDeliveryJob(portal.store),
    rateWindowPruneJob(portal.store),
    openDataSnapshotJob(portal.store, portal.config),
    alertEvaluationJob(portal),
  ]);
  runner.start();
  // A first run at start-up rather than a period later: a server that was down over a deadline catches up now.
  void runner.tick();
  return runner;
}
