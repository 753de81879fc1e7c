import type { Store } from '../store/openStore.ts';
import { deliverWebhooks } from '../webhooks/webhookDelivery.ts';
import type { ScheduledJob } from './jobRunner.ts';

/** Delivers the webhook outbox (case events) to the monitoring intake's endpoints. */
export function webhookDeliveryJob(store: Store, everyMs = 10_000): ScheduledJob {
  return { name: 'webhook-delivery', everyMs, run: async (now) => void (await deliverWebhooks(store, now)) };
}
