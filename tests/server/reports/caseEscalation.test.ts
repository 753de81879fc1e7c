import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escalateOverdueCases } from '../../../src/server/reports/caseEscalation.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { lookupReportStatus } from '../../../src/server/reports/reportStatus.ts';
import { openSqliteStore } from '../../../src/server/store/openStore.ts';
import { openReportsPortal, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
beforeAll(async () => {
  portal = await openReportsPortal();
});
afterAll(async () => {
  await portal.close();
});

describe('escalateOverdueCases', () => {
  test('escalates once when the simulated clock passes the county deadline, and not again after a restart', async () => {
    // Received Sunday 2026-11-29: the county's 5 working days end with Friday 2026-12-04 (Shanghai).
    const out = await submitReport(portal, submission({ drugName: '甲巯咪唑片', altcha: await solvedChallenge(portal.dir) }));
    if (!out.ok) throw new Error(out.message);
    expect(await escalateOverdueCases(portal.store, new Date('2026-12-04T15:59:59Z'))).toBe(0);
    const afterDeadline = new Date('2026-12-05T01:00:00Z');
    expect(await escalateOverdueCases(portal.store, afterDeadline)).toBe(1);

    // A restarted server opens the same file and runs the job again at the same moment: nothing more happens.
    const reopened = await openSqliteStore(`${portal.dir}/portal.sqlite`);
    expect(await escalateOverdueCases(reopened, afterDeadline)).toBe(0);
    await reopened.destroy();

    const status = await lookupReportStatus(portal, out.trackingNumber, out.checkCode, '192.0.2.99');
    expect(status.ok && status.view.levelLabel).toBe('市级');
    expect(status.ok && status.view.timeline.map((e) => `${e.kind}@${e.at}`)).toEqual([
      expect.stringMatching(/^received@/),
      'escalated@2026-12-04T16:00:00.000Z',
    ]);
  });
});
