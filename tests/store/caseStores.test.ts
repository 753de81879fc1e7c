import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { joinableCasesOfDrug } from '../../src/server/store/caseStore.ts';
import type { Store } from '../../src/server/store/openStore.ts';
import { saveRegions } from '../../src/server/store/regionStore.ts';
import { type NewCitizenReport, recordReport } from '../../src/server/store/reportStore.ts';
import { saveFacilities } from '../../src/server/store/facilityStore.ts';
import { jingdezhenRegions, testFacility } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const t0 = new Date('2026-12-01T02:00:00Z');

/** A report as the intake hands it to the store: one citizen (device) each unless told otherwise. */
function newReport(overrides: Partial<NewCitizenReport['input']> & { device?: string; at?: Date } = {}): NewCitizenReport {
  const { device, at, ...input } = overrides;
  return {
    input: { drugId: 'W401', drugName: '甲巯咪唑片', problem: 'unavailable', facilityId: 'JDZ-P-0401', seenAt: t0, ...input } as NewCitizenReport['input'],
    countyCode: '360203',
    cityPrefix: 'JDZ',
    idempotencyKey: randomUUID(),
    requestHash: 'h',
    checkCodeHash: 'c',
    deviceHash: device ?? randomUUID(),
    channel: 'api',
    challenge: { signature: randomUUID(), expiresAt: new Date(t0.getTime() + 1_200_000).toISOString() },
    receivedAt: at ?? t0,
  };
}

/** A store with the region tree and the one pharmacy the reports name. */
async function withPharmacy(opened: TestStore): Promise<TestStore> {
  await saveRegions(opened.store, jingdezhenRegions());
  await saveFacilities(opened.store, [testFacility('JDZ-P-0401', { name: '珠山区安康药房', countyCode: '360203' })]);
  return opened;
}

describeStores('report case stores', (open) => {
  let opened: TestStore | undefined;
  let store: Store;
  beforeEach(async () => {
    const ready = await open().then(withPharmacy);
    opened = ready;
    store = ready.store;
  });
  afterEach(async () => opened?.close());

  test('a report joining an open case counts it and writes a joined event; a device repeat does neither', async () => {
    const first = await recordReport(store, newReport());
    const joined = await recordReport(store, newReport({ device: 'citizen-2' }));
    await recordReport(store, newReport({ device: 'citizen-2' }));
    if (first.kind !== 'created' || joined.kind !== 'created') throw new Error('not stored');
    expect(joined.report.caseId).toBe(first.report.caseId);
    const events = await store.selectFrom('report_case_events').select(['kind', 'detail_json']).where('case_id', '=', first.report.caseId).orderBy('id').execute();
    expect(events.map((e) => e.kind)).toEqual(['received', 'joined']);
    expect(JSON.parse(events[1]?.detail_json ?? '{}')).toEqual({ reportCount: 2, trackingNumber: joined.report.trackingNumber, channel: 'api' });
  });

  test('lists the cases of a drug a report would still join, with the facility and the first problem', async () => {
    await recordReport(store, newReport({ problem: 'rationing' }));
    await recordReport(store, newReport());
    await recordReport(store, newReport({ facilityId: undefined }));
    await recordReport(store, newReport({ drugId: 'W402', drugName: '丙硫氧嘧啶片' }));
    const rows = await joinableCasesOfDrug(store, 'W401', new Date(t0.getTime() - 7 * 86_400_000).toISOString());
    expect(rows.map((r) => [r.facility_id, r.facility_name, r.county_code, r.problem, r.report_count])).toEqual([
      ['JDZ-P-0401', '珠山区安康药房', '360203', 'rationing', 2],
      [null, null, '360203', 'unavailable', 1],
    ]);
    expect(await joinableCasesOfDrug(store, 'W401', new Date(t0.getTime() + 60_000).toISOString())).toEqual([]);
  });
});
