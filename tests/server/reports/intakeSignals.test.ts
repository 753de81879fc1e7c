import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { intakeSignals } from '../../../src/server/reports/intakeSignals.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';
import { openReportsPortal, reportNow, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
beforeAll(async () => {
  portal = await openReportsPortal();
});
afterAll(async () => {
  await portal.close();
});

describe('intake signals', () => {
  test('three reports of one drug in one county within a week make a signal linking to the reports; two do not', async () => {
    for (const regionCode of ['360203', '360203', '360203', '360222', '360222']) {
      const out = await submitReport(portal, submission({ drugName: '硫酸阿托品注射液', regionCode, altcha: await solvedChallenge(portal.dir) }));
      if (!out.ok) throw new Error(out.message);
    }
    await seedAccount(portal.store, 'sig.city', '3602', ['intake']);
    const officer = await signedIn(portal.store, 'sig.city');
    const { signals } = await intakeSignals(portal, officer, new Date(reportNow.getTime() + 3_600_000));
    expect(signals.map((s) => [s.drugName, s.countyName, s.reports, s.reason])).toEqual([['硫酸阿托品注射液', '珠山区', 3, 'threshold']]);
    expect(signals[0]?.reportsHref).toBe(`/staff/reports?status=all&drug=${encodeURIComponent('硫酸阿托品注射液')}&region=360203`);
    // A week later the window has moved on.
    expect((await intakeSignals(portal, officer, new Date(reportNow.getTime() + 8 * 86_400_000))).signals).toEqual([]);
  });
});
