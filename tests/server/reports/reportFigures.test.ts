import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escalateOverdueCases } from '../../../src/server/reports/caseEscalation.ts';
import { reopenCaseByCitizen, takeCaseStep } from '../../../src/server/reports/intakeActions.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { citizenReportFigures } from '../../../src/server/store/reportFiguresStore.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';
import { openReportsPortal, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
beforeAll(async () => {
  portal = await openReportsPortal();
});
afterAll(async () => {
  await portal.close();
});

async function report(drugName: string, regionCode: string) {
  const out = await submitReport(portal, submission({ drugName, regionCode, altcha: await solvedChallenge(portal.dir) }));
  if (!out.ok) throw new Error(out.message);
  const row = await portal.store.selectFrom('citizen_reports').select('case_id').where('tracking_number', '=', out.trackingNumber).executeTakeFirstOrThrow();
  return row.case_id;
}

describe('citizen report figures for the quarterly notice', () => {
  test('received, verified, overdue and reopened by county; most reported drugs', async () => {
    const a = await report('布洛芬片', '360203');
    await report('布洛芬片', '360203'); // joins the same case: two reports, one case
    await report('阿莫西林胶囊', '360203'); // left waiting: escalated when its deadline passes
    await report('布洛芬片', '360222');
    await seedAccount(portal.store, 'fig.zhushan', '360203', ['intake']);
    const officer = await signedIn(portal.store, 'fig.zhushan');
    const at = new Date('2026-11-30T02:00:00Z');
    await takeCaseStep(portal, officer, a, { kind: 'verify', result: 'confirmed', action: 'reallocation' }, at);
    await takeCaseStep(portal, officer, a, { kind: 'reply', text: '已调剂到货' }, at);
    await reopenCaseByCitizen(portal, a, at);
    await escalateOverdueCases(portal.store, new Date('2026-12-05T01:00:00Z'));

    const figures = await citizenReportFigures(portal.store, '3602', { start: '2026-10-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' });
    expect(figures.byCounty).toEqual([
      { countyName: '珠山区', received: 3, verified: 1, overdue: 1, reopened: 1 },
      { countyName: '浮梁县', received: 1, verified: 0, overdue: 1, reopened: 0 },
    ]);
    expect(figures.topDrugs).toEqual([
      { drugName: '布洛芬片', reports: 3 },
      { drugName: '阿莫西林胶囊', reports: 1 },
    ]);
    expect((await citizenReportFigures(portal.store, '3602', { start: '2026-07-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z' })).byCounty).toEqual([]);
  });
});
