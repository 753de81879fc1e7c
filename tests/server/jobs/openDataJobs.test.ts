import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jobRunner } from '../../../src/server/jobs/jobRunner.ts';
import { openDataSnapshotJob } from '../../../src/server/jobs/openDataJobs.ts';
import { openDataRoot } from '../../../src/server/openData/openDataRoot.ts';
import { currentBuild } from '../../../src/server/openData/snapshotDirectory.ts';
import { saveCatalogue } from '../../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../../src/server/store/facilityStore.ts';
import { saveStockReports } from '../../../src/server/store/stockStore.ts';
import { testDrug, testFacility, testReport } from '../../support/storeFixtures.ts';
import { openTestStore, type TestStore } from '../../support/testStores.ts';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('sqlite');
  await saveCatalogue(t.store, [testDrug('W078', '布洛芬')]);
  await saveFacilities(t.store, [testFacility('F-1'), testFacility('F-2', { countyCode: '360203' })]);
});
afterAll(async () => t.close());

describe('open data snapshot job', () => {
  test('two instances on one store build once; an import is built after a quiet spell, not before', async () => {
    let now = new Date('2026-12-01T00:00:00.000Z');
    const clock = () => now;
    const root = openDataRoot(t.location);
    const jobs = [openDataSnapshotJob(t.store, t.location), openDataSnapshotJob(t.store, t.location)];
    const runners = jobs.map((job) => jobRunner(t.store, [job], { clock }));
    const tickBoth = async () => {
      for (const runner of runners) await runner.tick();
      for (const job of jobs) await job.settled();
    };

    await tickBoth();
    const first = currentBuild(root);
    expect(first?.index.builtAt).toBe(now.toISOString());
    expect(first?.index.regions.map((r) => r.code)).toEqual(['360000', '360200']);
    // The second instance found the lease taken: one build on disk, not two.
    expect(readdirSync(join(root, 'builds'))).toEqual([first?.id]);

    // An import at 00:20; the job looks at 00:21 (still importing, perhaps) and at 00:22 (two quiet minutes).
    now = new Date('2026-12-01T00:20:00.000Z');
    await saveStockReports(t.store, [testReport('F-1', 'W078', now.toISOString())], 'import:a.csv', now);
    now = new Date('2026-12-01T00:21:00.000Z');
    await tickBoth();
    expect(currentBuild(root)?.id).toBe(first?.id);
    now = new Date('2026-12-01T00:22:00.000Z');
    await tickBoth();
    const second = currentBuild(root);
    expect(second?.id).not.toBe(first?.id);
    expect([second?.index.builtAt, second?.index.stockRows]).toEqual([now.toISOString(), 1]);

    // Nothing changed since: the next looks build nothing until the day is over.
    now = new Date('2026-12-01T12:00:00.000Z');
    await tickBoth();
    expect(currentBuild(root)?.id).toBe(second?.id);
    now = new Date('2026-12-02T00:22:00.000Z');
    await tickBoth();
    expect(currentBuild(root)?.index.builtAt).toBe(now.toISOString());
    for (const runner of runners) await runner.stop();
  });
});
