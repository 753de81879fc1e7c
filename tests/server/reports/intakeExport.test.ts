import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { providePortal } from '../../../src/server/portal.ts';
import { takeCaseStep } from '../../../src/server/reports/intakeActions.ts';
import { issueIntakeToken } from '../../../src/server/reports/intakeExport.ts';
import { getIntakeReports } from '../../../src/server/reports/intakeExportApi.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { revokeIntakeToken } from '../../../src/server/store/intakeTokenStore.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';
import { openReportsPortal, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
beforeAll(async () => {
  portal = await openReportsPortal();
  providePortal(portal);
  for (const drugName of ['布洛芬片', '对乙酰氨基酚片', '氯雷他定片']) {
    const out = await submitReport(portal, submission({ drugName, phone: '13812341234', altcha: await solvedChallenge(portal.dir) }));
    if (!out.ok) throw new Error(out.message);
  }
});
afterAll(async () => {
  await portal.close();
});

function call(query: string, token?: string) {
  const url = new URL(`http://127.0.0.1/api/intake/reports${query}`);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return getIntakeReports({ url, request: new Request(url, { headers }) });
}

describe('GET /api/intake/reports', () => {
  test('refuses a missing, unknown or revoked token; the store keeps only its hash', async () => {
    expect((await call('')).status).toBe(401);
    expect((await call('', 'itk_notarealtokennotarealtoken')).status).toBe(401);
    const { id, token } = await issueIntakeToken(portal.store, '省短缺药品监测系统', false, null);
    expect((await call('', token)).status).toBe(200);
    const stored = await portal.store.selectFrom('intake_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4, 20));
    await revokeIntakeToken(portal.store, id, new Date().toISOString());
    const refused = await call('', token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  test('pages by cursor, leaves phones out unless the token allows them, and a case change shows up again', async () => {
    const plain = await issueIntakeToken(portal.store, '市监测平台', false, null);
    const first = await (await call('', plain.token)).json();
    expect(first.reports.map((r: { drugName: string }) => r.drugName)).toEqual(['布洛芬片', '对乙酰氨基酚片', '氯雷他定片']);
    expect(first.reports[0]).not.toHaveProperty('phone');
    expect(JSON.stringify(first)).not.toContain('13812341234');
    const last = first.reports.at(-1);

    const personal = await issueIntakeToken(portal.store, '县随访系统', true, null);
    const withPhones = await (await call('', personal.token)).json();
    expect(withPhones.reports[0].phone).toBe('13812341234');

    // An officer verifies the first case: its report is exported again after the last one seen.
    await seedAccount(portal.store, 'x.zhushan', '360203', ['intake']);
    const officer = await signedIn(portal.store, 'x.zhushan');
    await takeCaseStep(portal, officer, first.reports[0].case.id, { kind: 'verify', result: 'confirmed', action: 'reallocation' });
    const since = await (await call(`?updatedSince=${encodeURIComponent(last.updatedAt)}`, plain.token)).json();
    expect(since.reports.map((r: { drugName: string; case: { status: string } }) => [r.drugName, r.case.status])).toEqual([['布洛芬片', 'verified']]);
    expect(since.nextCursor).toBeNull();
  });

  test('CSV starts with a BOM and the header; a bad cursor is a 400 naming the field', async () => {
    const { token } = await issueIntakeToken(portal.store, 'CSV 接收', false, null);
    const bytes = Buffer.from(await (await call('?format=csv', token)).arrayBuffer());
    // Response.text() would drop the BOM while decoding; the bytes show it is sent.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('trackingNumber,drugId,drugName')).toBe(true);
    expect(csv).toContain('氯雷他定片');
    expect(csv).not.toContain('phone');
    const bad = await call('?cursor=nonsense', token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_parameter', field: 'cursor' } });
  });
});
