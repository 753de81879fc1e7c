import { randomUUID } from 'node:crypto';
import type { APIContext } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placeSameProblemCases, type SameProblemCase, sameProblemFields } from '../../../src/domain/reports/sameProblem.ts';
import { providePortal } from '../../../src/server/portal.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { sameProblemCases, sameProblemPost } from '../../../src/server/reports/sameProblem.ts';
import { saveCatalogue } from '../../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../../src/server/store/facilityStore.ts';
import { testDrug, testFacility } from '../../support/storeFixtures.ts';
import { openReportsPortal, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
const now = new Date();
beforeAll(async () => {
  portal = await openReportsPortal();
  providePortal(portal);
  await saveCatalogue(portal.store, [testDrug('W301', '左甲状腺素钠片'), testDrug('W302', '华法林钠片')]);
  await saveFacilities(portal.store, [testFacility('JDZ-P-0301', { name: '昌江区康民药房', countyCode: '360202' })]);
});
afterAll(async () => {
  await portal.close();
});

/** A citizen's report, received now, each from a device of their own. */
const report = async (fields: Record<string, unknown>) => {
  const out = await submitReport(portal, submission({ seenAt: now.toISOString(), altcha: await solvedChallenge(portal.dir), ...fields }, { now }));
  if (!out.ok) throw new Error(out.message);
  return out;
};

/** What the drug page's small form posts, as a browser would send it. */
function tap(fields: Record<string, string>, address = '198.51.100.7', deviceId = randomUUID()): APIContext {
  const body = new URLSearchParams({ back: '/drugs/W301', ...fields });
  const request = new Request('http://portal.local/report/same', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return {
    request,
    url: new URL(request.url),
    clientAddress: address,
    cookies: { get: () => ({ value: deviceId }), set: () => {} },
  } as unknown as APIContext;
}

describe('也遇到了 (n)', () => {
  test("lists the drug's open cases with their place, problem and count", async () => {
    await report({ drugId: 'W301', drugName: '左甲状腺素钠片', facilityId: 'JDZ-P-0301', regionCode: '' });
    await report({ drugId: 'W301', drugName: '左甲状腺素钠片', facilityId: 'JDZ-P-0301', regionCode: '' });
    await report({ drugId: 'W301', drugName: '左甲状腺素钠片', problem: 'price_rise', regionCode: '360222' });
    await report({ drugId: 'W302', drugName: '华法林钠片', regionCode: '360222' });
    const cases = await sameProblemCases(portal, 'W301', now);
    expect(cases.map((c) => [c.placeName, c.problemLabel, c.reportCount])).toEqual([
      ['昌江区康民药房', '买不到', 2],
      ['浮梁县', '价格异常上涨', 1],
    ]);
    // A week after the last report a new one would open a case of its own: nothing left to join.
    expect(await sameProblemCases(portal, 'W301', new Date(now.getTime() + 8 * 86_400_000))).toEqual([]);
  });

  test('one tap without JavaScript joins the case, counts it, and answers with a tracking number', async () => {
    const [atPharmacy] = await sameProblemCases(portal, 'W301', now);
    if (!atPharmacy) throw new Error('no case');
    const out = await sameProblemPost(tap(sameProblemFields(atPharmacy)));
    expect(out).toMatchObject({ kind: 'joined', reportCount: 3, back: '/drugs/W301' });
    expect(out.kind === 'joined' && out.trackingNumber).toMatch(/^JDZ-\d{8}-\d{4}$/);
    expect((await sameProblemCases(portal, 'W301', new Date()))[0]?.reportCount).toBe(3);
  });

  test('a second tap from the same device is merged, not counted', async () => {
    const [atPharmacy] = await sameProblemCases(portal, 'W301', new Date());
    if (!atPharmacy) throw new Error('no case');
    const device = randomUUID();
    await sameProblemPost(tap(sameProblemFields(atPharmacy), '198.51.100.8', device));
    const again = await sameProblemPost(tap(sameProblemFields(atPharmacy), '198.51.100.8', device));
    expect(again).toMatchObject({ kind: 'joined', reportCount: 4 });
  });

  test('still rate-limited (the no-script limit without a solved challenge), refuses a bot, and accepts a solved challenge', async () => {
    const [, inCounty] = await sameProblemCases(portal, 'W301', new Date());
    if (!inCounty) throw new Error('no case');
    const fields = sameProblemFields(inCounty);
    const outs = [];
    for (let i = 0; i < 6; i++) outs.push(await sameProblemPost(tap(fields, '198.51.100.9')));
    expect(outs.slice(0, 5).every((o) => o.kind === 'joined')).toBe(true);
    expect(outs[5]).toMatchObject({ kind: 'refused', status: 429, message: '提交次数过多，请稍后再试，或拨打 12345 热线反映' });
    // With the island's solved challenge the same address is under the normal limit again.
    expect(await sameProblemPost(tap({ ...fields, altcha: await solvedChallenge(portal.dir) }, '198.51.100.9'))).toMatchObject({ kind: 'joined' });
    expect(await sameProblemPost(tap({ ...fields, website: 'http://spam.example' }, '198.51.100.10'))).toMatchObject({ kind: 'refused', status: 400 });
    // A return address that is not one of the portal's drug pages is not followed.
    const outside = await sameProblemPost(tap({ ...fields, back: 'https://evil.example/' }, '198.51.100.11'));
    expect(outside.back).toBe('/');
  });

  test("puts a facility's case in its row when the row is shown, and every other case in the list", () => {
    const c = (facilityId: string | null, regionCode: string): SameProblemCase => ({
      drugId: 'W301', drugName: '左甲状腺素钠片', problem: 'unavailable', problemLabel: '买不到', facilityId, regionCode, placeName: '', reportCount: 1,
    });
    const shown = c('JDZ-P-0301', '360202');
    const notShown = c('JDZ-P-0999', '360202');
    const county = c(null, '360222');
    const placed = placeSameProblemCases([shown, notShown, county], ['JDZ-P-0301']);
    expect([...placed.inRows.entries()]).toEqual([['JDZ-P-0301', shown]]);
    expect(placed.listed).toEqual([notShown, county]);
    expect(sameProblemFields(county)).toMatchObject({ facilityId: '', regionCode: '360222' });
    expect(sameProblemFields(shown)).toMatchObject({ facilityId: 'JDZ-P-0301', regionCode: '' });
  });
});
