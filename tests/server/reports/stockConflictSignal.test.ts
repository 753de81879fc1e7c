import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { intakeSignals } from '../../../src/server/reports/intakeSignals.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { saveCatalogue } from '../../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../../src/server/store/facilityStore.ts';
import { saveStockReports } from '../../../src/server/store/stockStore.ts';
import { testDrug, testFacility, testReport } from '../../support/storeFixtures.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';
import { openReportsPortal, reportNow, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
beforeAll(async () => {
  portal = await openReportsPortal();
  await saveCatalogue(portal.store, [testDrug('W201', '硝苯地平缓释片')]);
  await saveFacilities(portal.store, [
    testFacility('JDZ-P-0201', { name: '珠山区惠民药房', countyCode: '360203' }),
    testFacility('JDZ-P-0202', { name: '珠山区仁和药房', countyCode: '360203' }),
  ]);
  const yesterday = new Date(reportNow.getTime() - 86_400_000).toISOString();
  // The first pharmacy says 有货; the second says 缺货, so citizens who cannot buy there agree with it.
  await saveStockReports(portal.store, [testReport('JDZ-P-0201', 'W201', yesterday), testReport('JDZ-P-0202', 'W201', yesterday, { status: 'out', quantity: 0 })], 'test');
});
afterAll(async () => {
  await portal.close();
});

const report = async (facilityId: string, problem: string) => {
  const out = await submitReport(portal, submission({ drugId: 'W201', drugName: '硝苯地平缓释片', facilityId, regionCode: '', problem, altcha: await solvedChallenge(portal.dir) }));
  if (!out.ok) throw new Error(out.message);
};

describe('有货 against 买不到', () => {
  test('a facility reporting 有货 while citizens report 买不到 there is a signal of its own, below the threshold, with links', async () => {
    await report('JDZ-P-0201', 'unavailable');
    await report('JDZ-P-0201', 'unavailable');
    // A price complaint is not a 买不到, and 买不到 at a facility that says 缺货 is no contradiction.
    await report('JDZ-P-0201', 'price_rise');
    await report('JDZ-P-0202', 'unavailable');
    await seedAccount(portal.store, 'conflict.zhushan', '360203', ['intake']);
    const officer = await signedIn(portal.store, 'conflict.zhushan');
    // A threshold the county's four reports do not reach: the conflict is a signal of its own all the same.
    const strict = { ...portal, config: { ...portal.config, REPORT_SIGNAL_THRESHOLD: 10 } };
    const { signals, stockConflicts } = await intakeSignals(strict, officer, new Date(reportNow.getTime() + 3_600_000));
    expect(signals).toEqual([]);
    expect(stockConflicts).toEqual([
      {
        facilityName: '珠山区惠民药房',
        drugName: '硝苯地平缓释片',
        countyName: '珠山区',
        reports: 2,
        stockReportedAt: new Date(reportNow.getTime() - 86_400_000).toISOString(),
        reportsHref: `/staff/reports?status=all&drug=${encodeURIComponent('硝苯地平缓释片')}&region=360203`,
        stockHref: '/facilities/JDZ-P-0201',
      },
    ]);
  });

  test('an officer of another county does not see it', async () => {
    await seedAccount(portal.store, 'conflict.fuliang', '360222', ['intake']);
    const officer = await signedIn(portal.store, 'conflict.fuliang');
    expect((await intakeSignals(portal, officer, new Date(reportNow.getTime() + 3_600_000))).stockConflicts).toEqual([]);
  });
});
