import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import { closureOf, setFacilityClosure } from '../../../src/server/facilities/facilityClosureControl.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { saveFacilities } from '../../../src/server/store/facilityStore.ts';
import { saveRegions } from '../../../src/server/store/regionStore.ts';
import { testFacility } from '../../support/storeFixtures.ts';
import { openTestPortal } from '../../support/testPortal.ts';
import { auditActions, seedAccount, signedIn } from '../staff/staffFixtures.ts';

let portal: Awaited<ReturnType<typeof openTestPortal>>;
let cityData: StaffUser;
let countyData: StaffUser;
let publisher: StaffUser;

beforeAll(async () => {
  portal = await openTestPortal({ demo: false });
  await saveRegions(portal.store, parseDivisionsCsv(readFileSync('data/jingdezhen_divisions.csv', 'utf8')));
  await saveFacilities(portal.store, [testFacility('JDZ-P-0001', { countyCode: '360202' })]);
  await seedAccount(portal.store, 'jdz.data', '3602', ['data']);
  await seedAccount(portal.store, 'lp.data', '360281', ['data']);
  await seedAccount(portal.store, 'jdz.pub', '3602', ['publisher']);
  cityData = await signedIn(portal.store, 'jdz.data');
  countyData = await signedIn(portal.store, 'lp.data');
  publisher = await signedIn(portal.store, 'jdz.pub');
});

afterAll(async () => {
  await portal?.close();
});

test('data staff in the region close and reopen a facility, each change audited', async () => {
  expect(await setFacilityClosure(portal, cityData, 'JDZ-P-0001', { closedFrom: '2026-12-03', note: '拆迁' })).toBe(true);
  expect(await closureOf(portal, 'JDZ-P-0001')).toEqual({ facilityId: 'JDZ-P-0001', closedFrom: '2026-12-03', note: '拆迁' });
  await setFacilityClosure(portal, cityData, 'JDZ-P-0001', 'reopen');
  expect(await closureOf(portal, 'JDZ-P-0001')).toBeUndefined();
  expect((await auditActions(portal.store)).filter((a) => a.startsWith('facility.'))).toEqual(['facility.close', 'facility.reopen']);
});

test('another county or another role cannot close it', async () => {
  await expect(setFacilityClosure(portal, countyData, 'JDZ-P-0001', { closedFrom: '2026-12-03', note: null })).rejects.toThrow(/cannot act on/);
  await expect(setFacilityClosure(portal, publisher, 'JDZ-P-0001', { closedFrom: '2026-12-03', note: null })).rejects.toThrow(/needs one of data/);
  expect(await closureOf(portal, 'JDZ-P-0001')).toBeUndefined();
});

test('an unknown facility is not found', async () => {
  expect(await setFacilityClosure(portal, cityData, 'NOPE-1', 'reopen')).toBe(false);
});
