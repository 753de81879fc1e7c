import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { takeCaseStep } from '../../../src/server/reports/intakeActions.ts';
import { intakeCaseView, intakeQueue } from '../../../src/server/reports/intakeQueue.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';
import { openReportsPortal, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
let zhushan: StaffUser;
let city: StaffUser;
beforeAll(async () => {
  portal = await openReportsPortal();
  await seedAccount(portal.store, 'q.zhushan', '360203', ['intake']);
  await seedAccount(portal.store, 'q.city', '3602', ['intake']);
  zhushan = await signedIn(portal.store, 'q.zhushan');
  city = await signedIn(portal.store, 'q.city');
  for (const [drugName, regionCode] of [
    ['布洛芬片', '360203'],
    ['布洛芬混悬液', '360202'],
    ['阿托伐他汀钙片', '360203'],
  ] as const) {
    const out = await submitReport(portal, submission({ drugName, regionCode, phone: '13812341234', altcha: await solvedChallenge(portal.dir) }));
    if (!out.ok) throw new Error(out.message);
  }
});
afterAll(async () => {
  await portal.close();
});

const names = (entries: { drugName: string }[]) => entries.map((e) => e.drugName).sort();

describe('intake queue', () => {
  test('a county officer sees its county only; the city sees both, and may narrow by region and drug', async () => {
    const now = new Date('2026-11-30T02:00:00Z');
    expect(names(await intakeQueue(portal, zhushan, { status: 'open' }, now))).toEqual(['布洛芬片', '阿托伐他汀钙片']);
    expect(names(await intakeQueue(portal, city, { status: 'open' }, now))).toEqual(['布洛芬混悬液', '布洛芬片', '阿托伐他汀钙片']);
    expect(names(await intakeQueue(portal, city, { status: 'open', region: '360202' }, now))).toEqual(['布洛芬混悬液']);
    expect(names(await intakeQueue(portal, city, { status: 'open', drug: '布洛芬' }, now))).toEqual(['布洛芬混悬液', '布洛芬片']);
    // A region outside the officer's scope does not widen it.
    expect(names(await intakeQueue(portal, zhushan, { status: 'open', region: '360202' }, now))).toEqual(['布洛芬片', '阿托伐他汀钙片']);
    expect(await intakeQueue(portal, zhushan, { status: 'open', drug: '%' }, now)).toEqual([]);
  });

  test('deadline filters and marks: due today on the last day, overdue after it; verified cases leave the deadline filter', async () => {
    // Received Sunday 2026-11-29: deadline the end of Friday 2026-12-04 (Shanghai).
    const lastDay = new Date('2026-12-04T02:00:00Z');
    const dueToday = await intakeQueue(portal, zhushan, { status: 'open', deadline: 'today' }, lastDay);
    expect(dueToday.map((e) => e.mark)).toEqual(['due_today', 'due_today']);
    expect(await intakeQueue(portal, zhushan, { status: 'open', deadline: 'overdue' }, lastDay)).toEqual([]);
    const [first] = dueToday;
    if (!first) throw new Error('no case');
    await takeCaseStep(portal, zhushan, first.id, { kind: 'verify', result: 'unverifiable', action: 'other' }, lastDay);
    const after = new Date('2026-12-05T02:00:00Z');
    const overdue = await intakeQueue(portal, zhushan, { status: 'open', deadline: 'overdue' }, after);
    expect(overdue.map((e) => [e.drugName === first.drugName, e.mark])).toEqual([[false, 'overdue']]);
  });

  test('the case page masks the phone and hides cases outside the region', async () => {
    const [entry] = await intakeQueue(portal, zhushan, { status: 'open', drug: '阿托伐他汀' });
    if (!entry) throw new Error('no case');
    const view = await intakeCaseView(portal, zhushan, entry.id);
    expect(view?.reports.map((r) => r.phone)).toEqual(['138****1234']);
    const [neighbours] = await intakeQueue(portal, city, { status: 'open', region: '360202' });
    if (!neighbours) throw new Error('no case');
    expect(await intakeCaseView(portal, zhushan, neighbours.id)).toBeUndefined();
  });
});
