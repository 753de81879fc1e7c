import { afterEach, beforeEach, expect, test } from 'vitest';
import { jobRunner, type ScheduledJob } from '../../src/server/jobs/jobRunner.ts';
import { acquireJobLease } from '../../src/server/store/jobLeaseStore.ts';
import { openStore, type Store } from '../../src/server/store/openStore.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const t0 = new Date('2026-12-06T01:00:00Z');

describeStores('job leases across instances', (open) => {
  let opened: TestStore;
  let first: Store;
  let second: Store;
  beforeEach(async () => {
    opened = await open();
    first = opened.store;
    // A second instance: its own handle (its own pool or connections) on the same database.
    second = await openStore(opened.location);
  });
  afterEach(async () => {
    await second.destroy();
    await opened.close();
  });

  test('of eight holders racing through two instances, exactly one takes the lease', async () => {
    const won = await Promise.all([...Array(8)].map((_, i) => acquireJobLease(i % 2 === 0 ? first : second, 'race', `holder-${i}`, t0, 60_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  test('a job ticked on both instances at once runs once per tick, on the instance holding its lease', async () => {
    const ranOn: string[] = [];
    const job = (instance: string): ScheduledJob => ({ name: 'count', everyMs: 60_000, run: async () => void ranOn.push(instance) });
    let now = t0;
    const clock = () => now;
    const a = jobRunner(first, [job('a')], { clock });
    const b = jobRunner(second, [job('b')], { clock });
    try {
      for (let minute = 0; minute < 3; minute++) {
        now = new Date(t0.getTime() + minute * 60_000);
        await Promise.all([a.tick(), b.tick()]);
      }
      expect(ranOn).toHaveLength(3);
      expect(new Set(ranOn).size).toBe(1);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
