import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jobRunner } from '../../../src/server/jobs/jobRunner.ts';
import { caseEscalationJob, contactErasureJob } from '../../../src/server/jobs/reportCaseJobs.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { acquireJobLease } from '../../../src/server/store/jobLeaseStore.ts';
import { openSqliteStore } from '../../../src/server/store/openStore.ts';
import { openReportsPortal, solvedChallenge, submission } from '../reports/reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
beforeAll(async () => {
  portal = await openReportsPortal();
});
afterAll(async () => {
  await portal.close();
});

async function escalationEvents(caseId: number) {
  return portal.store.selectFrom('report_case_events').select(['kind', 'at']).where('case_id', '=', caseId).where('kind', '=', 'escalated').execute();
}

async function caseOf(trackingNumber: string) {
  return portal.store
    .selectFrom('citizen_reports')
    .innerJoin('report_cases', 'report_cases.id', 'citizen_reports.case_id')
    .select(['report_cases.id', 'report_cases.level', 'citizen_reports.phone', 'citizen_reports.contact_erased_at'])
    .where('citizen_reports.tracking_number', '=', trackingNumber)
    .executeTakeFirstOrThrow();
}

describe('job leases', () => {
  test('one holder at a time; renewable by its holder; taken over once expired', async () => {
    const t0 = new Date('2026-12-01T00:00:00Z');
    expect(await acquireJobLease(portal.store, 'lease-test', 'a', t0, 60_000)).toBe(true);
    expect(await acquireJobLease(portal.store, 'lease-test', 'b', new Date(t0.getTime() + 30_000), 60_000)).toBe(false);
    expect(await acquireJobLease(portal.store, 'lease-test', 'a', new Date(t0.getTime() + 30_000), 60_000)).toBe(true);
    // a renewed until t0 + 90 s: b still waits at t0 + 60 s, and gets it at t0 + 90 s.
    expect(await acquireJobLease(portal.store, 'lease-test', 'b', new Date(t0.getTime() + 60_000), 60_000)).toBe(false);
    expect(await acquireJobLease(portal.store, 'lease-test', 'b', new Date(t0.getTime() + 90_000), 60_000)).toBe(true);
    expect(await acquireJobLease(portal.store, 'lease-test', 'a', new Date(t0.getTime() + 100_000), 60_000)).toBe(false);
  });
});

describe('scheduled case escalation', () => {
  test('two instances on one store escalate a case once when the clock passes its deadline, and not again after a restart', async () => {
    const out = await submitReport(portal, submission({ drugName: '左甲状腺素钠片', altcha: await solvedChallenge(portal.dir) }));
    if (!out.ok) throw new Error(out.message);
    const { id } = await caseOf(out.trackingNumber);

    let now = new Date('2026-12-04T15:59:00Z');
    const clock = () => now;
    const first = jobRunner(portal.store, [caseEscalationJob(portal.store)], { clock });
    const second = jobRunner(portal.store, [caseEscalationJob(portal.store)], { clock });
    expect(await first.tick()).toEqual(['report-case-escalation']);
    expect(await escalationEvents(id)).toEqual([]);

    now = new Date('2026-12-05T01:00:00Z');
    const [ranFirst, ranSecond] = await Promise.all([first.tick(), second.tick()]);
    expect(ranFirst).toEqual(['report-case-escalation']);
    expect(ranSecond).toEqual([]);
    expect(await escalationEvents(id)).toEqual([{ kind: 'escalated', at: '2026-12-04T16:00:00.000Z' }]);
    expect((await caseOf(out.trackingNumber)).level).toBe('city');

    // The first instance dies without releasing its lease; a restarted one on the same file takes over once it lapses.
    const restartedStore = await openSqliteStore(`${portal.dir}/portal.sqlite`);
    const restarted = jobRunner(restartedStore, [caseEscalationJob(restartedStore)], { clock });
    expect(await restarted.tick()).toEqual([]);
    now = new Date('2026-12-05T01:05:00Z');
    expect(await restarted.tick()).toEqual(['report-case-escalation']);
    expect(await escalationEvents(id)).toHaveLength(1);
    await restarted.stop();
    await second.stop();
    await restartedStore.destroy();
  });
});

describe('contact erasure', () => {
  test('erases the phone the configured number of days after the case closed, not before', async () => {
    const out = await submitReport(portal, submission({ drugName: '硝酸甘油片', phone: '13812341234', altcha: await solvedChallenge(portal.dir) }));
    if (!out.ok) throw new Error(out.message);
    const { id } = await caseOf(out.trackingNumber);
    expect((await caseOf(out.trackingNumber)).phone).toBe('13812341234');
    await portal.store.updateTable('report_cases').set({ status: 'closed', closed_at: '2026-12-01T00:00:00.000Z' }).where('id', '=', id).execute();

    let now = new Date('2027-02-28T23:59:59Z'); // a second short of 90 days after closing
    const runner = jobRunner(portal.store, [contactErasureJob(portal.store, { REPORT_CONTACT_RETENTION_DAYS: 90 })], { clock: () => now });
    await runner.tick();
    expect((await caseOf(out.trackingNumber)).phone).toBe('13812341234');
    now = new Date('2027-03-01T00:00:00Z');
    await runner.tick();
    expect(await caseOf(out.trackingNumber)).toMatchObject({ phone: null, contact_erased_at: '2027-03-01T00:00:00.000Z' });
    await runner.stop();
  });
});
