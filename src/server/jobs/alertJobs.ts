import { evaluateAlerts } from '../alerts/alertEvaluation.ts';
import { alertMailDelivery } from '../alerts/alertMailing.ts';
import type { Portal } from '../portal.ts';
import type { ScheduledJob } from './jobRunner.ts';

/**
 * Back-in-stock alerts on a schedule, besides after each import: a report ages into staleness without any
 * import, and a drug that goes stale and is then reported again must be able to alert again.
 */
export function alertEvaluationJob(portal: Pick<Portal, 'store' | 'config'>): ScheduledJob {
  const mail = alertMailDelivery(portal.config);
  return { name: 'alert-evaluation', everyMs: 15 * 60_000, run: async (now) => void (await evaluateAlerts(portal.store, now, mail)) };
}
