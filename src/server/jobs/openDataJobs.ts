import { defaultSnapshotSchedule, type SnapshotSchedule, snapshotDue } from '../../domain/openData/snapshotSchedule.ts';
import type { PortalConfig } from '../config.ts';
import { logger } from '../observability/logger.ts';
import { openDataRoot } from '../openData/openDataRoot.ts';
import { currentBuild, removeAbandonedBuilds } from '../openData/snapshotDirectory.ts';
import { buildSnapshotsApart } from '../openData/snapshotWorker.ts';
import { stockSequence } from '../store/changeCounterStore.ts';
import type { Store } from '../store/openStore.ts';
import type { ScheduledJob } from './jobRunner.ts';

/**
 * Builds the bulk snapshots (/open-data/downloads/) when snapshotSchedule.ts says they are due. It looks every
 * minute; what it reads is in the store (the stock sequence and when it moved) and on disk (the served build),
 * so an import by `npm run import:stock` in another process triggers it as well as one through the portal. The
 * lease lasts two hours, longer than a province build, so no second instance starts one meanwhile.
 *
 * The build runs beside the runner's chain rather than in it: a province build takes minutes, and webhook
 * deliveries and escalations must not wait behind it. Ticks meanwhile renew the lease and start nothing. It
 * runs on a worker thread (snapshotWorker.ts), so its store reads and formatting never hold up requests.
 */
export function openDataSnapshotJob(
  store: Store,
  config: Pick<PortalConfig, 'DATA_DIR' | 'DATABASE_URL'>,
  options: { everyMs?: number; schedule?: SnapshotSchedule } = {},
): ScheduledJob & { settled(): Promise<void> } {
  const root = openDataRoot(config);
  let building: Promise<void> | null = null;
  return {
    name: 'open-data-snapshots',
    everyMs: options.everyMs ?? 60_000,
    leaseMs: 2 * 60 * 60_000,
    settled: async () => {
      await building;
    },
    run: async (now) => {
      if (building) return;
      const built = currentBuild(root);
      const sequence = await stockSequence(store);
      const decision = snapshotDue(
        { lastBuild: built?.index ?? null, stockSequence: sequence.value, stockChangedAt: sequence.changedAt },
        now,
        options.schedule ?? defaultSnapshotSchedule,
      );
      if (decision === 'wait') return;
      // Holding the lease, this runner is the only builder: a .tmp- directory is what a dead one left.
      removeAbandonedBuilds(root);
      building = buildSnapshotsApart(config, root, now)
        .then((result) => logger().info({ component: 'open-data', reason: decision, buildId: result.buildId, seconds: result.seconds }, 'snapshots built'))
        .catch((error) => logger().error({ component: 'open-data', err: error }, 'snapshot build failed'))
        .finally(() => {
          building = null;
        });
    },
  };
}
