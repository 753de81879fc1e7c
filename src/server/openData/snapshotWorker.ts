/**
 * The snapshot build on a worker thread (started by buildSnapshotsApart below): its synchronous SQLite reads
 * and row formatting then take none of the event loop that answers citizens, for the tens of minutes a
 * province takes. The worker opens its own store connection from the same location.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openStore, type StoreLocation } from '../store/openStore.ts';
import { buildSnapshots, type SnapshotBuildResult } from './snapshotBuild.ts';

interface BuildOrder {
  location: StoreLocation;
  root: string;
  now: string;
}

/** Builds the snapshots in a worker thread; resolves with its result, rejects with its error. */
export function buildSnapshotsApart(location: StoreLocation, root: string, now: Date): Promise<SnapshotBuildResult> {
  const order: BuildOrder = { location: { DATA_DIR: location.DATA_DIR, DATABASE_URL: location.DATABASE_URL }, root, now: now.toISOString() };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: order });
    let result: SnapshotBuildResult | undefined;
    worker.once('message', (message: { ok: true; result: SnapshotBuildResult } | { ok: false; error: string }) => {
      if (message.ok) result = message.result;
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`snapshot worker exited with code ${code}`))));
  });
}

if (!isMainThread && parentPort && (workerData as BuildOrder | undefined)?.root) {
  const order = workerData as BuildOrder;
  const port = parentPort;
  const store = await openStore(order.location);
  try {
    const result = await buildSnapshots(store, order.root, { now: new Date(order.now) });
    port.postMessage({ ok: true, result });
  } catch (error) {
    port.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    await store.destroy();
  }
}
