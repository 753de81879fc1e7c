import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CaseStepRefused, reopenCaseByCitizen, revealCasePhones, takeCaseStep } from '../../../src/server/reports/intakeActions.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { lookupReportStatus } from '../../../src/server/reports/reportStatus.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { auditActions, seedAccount, signedIn } from '../staff/staffFixtures.ts';
import { openReportsPortal, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
let officer: StaffUser; // 珠山区 (360203) intake
let neighbour: StaffUser; // 昌江区 (360202) intake
let publisher: StaffUser;
beforeAll(async () => {
  portal = await openReportsPortal();
  await seedAccount(portal.store, 'intake.zhushan', '360203', ['intake']);
  await seedAccount(portal.store, 'intake.changjiang', '360202', ['intake']);
  await seedAccount(portal.store, 'pub.city', '3602', ['publisher']);
  officer = await signedIn(portal.store, 'intake.zhushan');
  neighbour = await signedIn(portal.store, 'intake.changjiang');
  publisher = await signedIn(portal.store, 'pub.city');
});
afterAll(async () => {
  await portal.close();
});

async function newCase(drugName: string) {
  const out = await submitReport(portal, submission({ drugName, phone: '13812341234', altcha: await solvedChallenge(portal.dir) }));
  if (!out.ok) throw new Error(out.message);
  const row = await portal.store.selectFrom('citizen_reports').select('case_id').where('tracking_number', '=', out.trackingNumber).executeTakeFirstOrThrow();
  return { ...out, caseId: row.case_id };
}

describe('intake workflow', () => {
  test('assign, verify, reply, close: each audited, the reply on the status page; "没有" reopens with a fresh deadline', async () => {
    const c = await newCase('甲硝唑片');
    const at = new Date('2026-11-30T02:00:00Z');
    await takeCaseStep(portal, officer, c.caseId, { kind: 'assign' }, at);
    await takeCaseStep(portal, officer, c.caseId, { kind: 'verify', result: 'confirmed', action: 'reallocation' }, at);
    await takeCaseStep(portal, officer, c.caseId, { kind: 'reply', text: '已协调珠山区人民医院药房调剂，可前往购买。' }, at);
    const status = await lookupReportStatus(portal, c.trackingNumber, c.checkCode, '192.0.2.50');
    if (!status.ok) throw new Error('status lookup failed');
    expect(status.view.timeline.map((e) => e.kind)).toEqual(['received', 'assigned', 'result', 'public_reply']);
    expect(status.view.timeline.at(-1)?.note).toBe('已协调珠山区人民医院药房调剂，可前往购买。');
    expect(JSON.stringify(status.view)).not.toContain('13812341234');

    await takeCaseStep(portal, officer, c.caseId, { kind: 'close' }, at);
    expect((await auditActions(portal.store)).filter((a) => a.startsWith('report_case.'))).toEqual([
      'report_case.assign',
      'report_case.verify',
      'report_case.reply',
      'report_case.close',
    ]);

    await reopenCaseByCitizen(portal, c.caseId, new Date('2026-12-07T02:00:00Z'));
    const reopened = await portal.store.selectFrom('report_cases').selectAll().where('id', '=', c.caseId).executeTakeFirstOrThrow();
    expect(reopened).toMatchObject({ status: 'received', level: 'county', reopen_count: 1, closed_at: null });
    // Reopened Monday 2026-12-07: the day itself does not count, so 5 working days end with Monday 2026-12-14 (Shanghai).
    expect(reopened.deadline_at).toBe('2026-12-14T16:00:00.000Z');
    await expect(reopenCaseByCitizen(portal, c.caseId)).rejects.toThrow(CaseStepRefused);
  });

  test('refuses steps out of order, outside the region and without the intake role', async () => {
    const c = await newCase('卡托普利片');
    await expect(takeCaseStep(portal, officer, c.caseId, { kind: 'close' })).rejects.toMatchObject({ code: 'wrong_status' });
    await expect(takeCaseStep(portal, neighbour, c.caseId, { kind: 'assign' })).rejects.toMatchObject({ code: 'out_of_region' });
    await expect(takeCaseStep(portal, publisher, c.caseId, { kind: 'assign' })).rejects.toMatchObject({ code: 'missing_role' });
    await expect(takeCaseStep(portal, officer, 999_999, { kind: 'assign' })).rejects.toMatchObject({ code: 'not_found' });
  });

  test('revealing the phone is audited and refused outside the region', async () => {
    const c = await newCase('地高辛片');
    await expect(revealCasePhones(portal, neighbour, c.caseId)).rejects.toMatchObject({ code: 'out_of_region' });
    const phones = await revealCasePhones(portal, officer, c.caseId);
    expect(phones.map((p) => p.phone)).toEqual(['13812341234']);
    expect((await auditActions(portal.store)).at(-1)).toBe('report_case.reveal_phone');
  });
});
