import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { lookupReportStatus, wrongCodesPerNumberPerHour } from '../../../src/server/reports/reportStatus.ts';
import { openReportsPortal, solvedChallenge, submission } from './reportFixtures.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
beforeAll(async () => {
  portal = await openReportsPortal();
});
afterAll(async () => {
  await portal.close();
});

const countReports = async () => Number((await portal.store.selectFrom('citizen_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('submitReport', () => {
  test('acknowledges with a tracking number of the city, the Shanghai day and a sequence', async () => {
    const out = await submitReport(portal, submission({ altcha: await solvedChallenge(portal.dir) }));
    expect(out).toMatchObject({ ok: true, created: true });
    expect(out.ok && out.trackingNumber).toMatch(/^JDZ-20261129-\d{4}$/);
    expect(out.ok && out.checkCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });

  test('returns the same answer, not a second report, for the same idempotency key twice', async () => {
    const s = submission({ altcha: await solvedChallenge(portal.dir) });
    const before = await countReports();
    const first = await submitReport(portal, s);
    const again = await submitReport(portal, s);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(again).toEqual({ ...first, created: false });
    expect(await countReports()).toBe(before + 1);
  });

  test('stores one report for 10 concurrent submissions with one key', async () => {
    const s = submission({ drugName: '硝酸甘油片', altcha: await solvedChallenge(portal.dir) });
    const before = await countReports();
    const outs = await Promise.all(Array.from({ length: 10 }, () => submitReport(portal, s)));
    expect(new Set(outs.map((o) => o.ok && o.trackingNumber)).size).toBe(1);
    expect(outs.filter((o) => o.ok && o.created)).toHaveLength(1);
    expect(await countReports()).toBe(before + 1);
  });

  test('stores 20 concurrent distinct reports, each with its own number, while a replay among them is refused', async () => {
    const altchas = await Promise.all(Array.from({ length: 20 }, () => solvedChallenge(portal.dir)));
    const before = await countReports();
    const outs = await Promise.all([
      // Each from its own address, as 20 citizens would be: the per-address limit is not what is tested here.
      ...altchas.map((altcha, i) => submitReport(portal, submission({ drugName: `并发药品${i}`, altcha }, { clientAddress: `198.18.0.${i}` }))),
      submitReport(portal, submission({ drugName: '重放', altcha: altchas[0] }, { clientAddress: '198.18.1.1' })),
    ]);
    const accepted = outs.filter((o) => o.ok);
    expect(accepted).toHaveLength(20);
    expect(new Set(accepted.map((o) => o.ok && o.trackingNumber)).size).toBe(20);
    expect(outs.at(-1)).toMatchObject({ ok: false, code: 'challenge_replayed' });
    expect(await countReports()).toBe(before + 20);
  });

  test('refuses the same key with a different report (422)', async () => {
    const s = submission({ altcha: await solvedChallenge(portal.dir) });
    await submitReport(portal, s);
    const changed = await submitReport(portal, { ...s, fields: { ...s.fields, drugName: '别的药' } });
    expect(changed).toMatchObject({ ok: false, status: 422, code: 'idempotency_key_reused' });
  });

  test('refuses a missing, a forged and a replayed challenge', async () => {
    expect(await submitReport(portal, submission({}))).toMatchObject({ ok: false, status: 400, code: 'challenge_missing', field: 'altcha' });
    const forged = Buffer.from(JSON.stringify({ algorithm: 'SHA-256', challenge: 'x', number: 1, salt: 's', signature: 'y' })).toString('base64');
    expect(await submitReport(portal, submission({ altcha: forged }))).toMatchObject({ ok: false, status: 403, code: 'challenge_failed' });
    const altcha = await solvedChallenge(portal.dir);
    expect(await submitReport(portal, submission({ altcha }))).toMatchObject({ ok: true });
    expect(await submitReport(portal, submission({ altcha }))).toMatchObject({ ok: false, status: 403, code: 'challenge_replayed' });
  });

  test('names the field in Chinese when the input is invalid and keeps the honeypot shut', async () => {
    const bad = await submitReport(portal, submission({ drugName: '', altcha: await solvedChallenge(portal.dir) }));
    expect(bad).toMatchObject({ ok: false, status: 400, field: 'drugName', message: '请填写药品名称' });
    expect(await submitReport(portal, submission({ website: 'http://spam' }))).toMatchObject({ ok: false, code: 'rejected' });
  });

  test('groups reports of one drug and county into one case and merges a device repeat without counting it', async () => {
    const deviceId = 'device-of-one-citizen';
    const fields = { drugName: '布洛芬缓释胶囊', regionCode: '360222' };
    const a = await submitReport(portal, submission({ ...fields, altcha: await solvedChallenge(portal.dir) }, { deviceId }));
    const b = await submitReport(portal, submission({ ...fields, altcha: await solvedChallenge(portal.dir) }, { deviceId }));
    const c = await submitReport(portal, submission({ ...fields, altcha: await solvedChallenge(portal.dir) }));
    expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);
    const rows = await portal.store.selectFrom('citizen_reports').select(['case_id', 'duplicate_of']).where('drug_name', '=', fields.drugName).execute();
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(1);
    expect(rows.filter((r) => r.duplicate_of !== null)).toHaveLength(1);
    const kase = await portal.store.selectFrom('report_cases').select(['report_count', 'deadline_at']).where('id', '=', rows[0]?.case_id ?? 0).executeTakeFirstOrThrow();
    expect(kase.report_count).toBe(2);
    // Received Sunday 2026-11-29: five working days end with Friday 2026-12-04 (Shanghai).
    expect(kase.deadline_at).toBe('2026-12-04T16:00:00.000Z');
  });

  test('limits new reports per device but still answers a retry of an accepted one', async () => {
    const deviceId = 'busy-device';
    const accepted = submission({ drugName: '药0', altcha: await solvedChallenge(portal.dir) }, { deviceId });
    await submitReport(portal, accepted);
    for (let i = 1; i < portal.config.REPORTS_PER_DEVICE_PER_HOUR; i += 1) {
      await submitReport(portal, submission({ drugName: `药${i}`, altcha: await solvedChallenge(portal.dir) }, { deviceId }));
    }
    const over = await submitReport(portal, submission({ drugName: '再一个', altcha: await solvedChallenge(portal.dir) }, { deviceId }));
    expect(over).toMatchObject({ ok: false, status: 429, code: 'rate_limited' });
    expect(await submitReport(portal, accepted)).toMatchObject({ ok: true, created: false });
  });
});

describe('lookupReportStatus', () => {
  test('shows the timeline with the right code and no personal data', async () => {
    const out = await submitReport(portal, submission({ phone: '13812341234', altcha: await solvedChallenge(portal.dir) }));
    if (!out.ok) throw new Error(out.message);
    const found = await lookupReportStatus(portal, out.trackingNumber.toLowerCase(), out.checkCode.toLowerCase(), '198.51.100.1');
    expect(found.ok && found.view).toMatchObject({ trackingNumber: out.trackingNumber, statusLabel: '已受理', levelLabel: '县级' });
    expect(found.ok && found.view.timeline.map((e) => e.kind)).toEqual(['received']);
    expect(JSON.stringify(found)).not.toContain('1381234');
  });

  test('answers 404 alike for an unknown number and a wrong code, then rate-limits the number', async () => {
    const out = await submitReport(portal, submission({ drugName: '地高辛片', altcha: await solvedChallenge(portal.dir) }));
    if (!out.ok) throw new Error(out.message);
    expect(await lookupReportStatus(portal, 'JDZ-20261129-9999', out.checkCode, '198.51.100.2')).toEqual({ ok: false, reason: 'not_found' });
    for (let i = 0; i < wrongCodesPerNumberPerHour; i += 1) {
      // Each guess from a different address: the per-number limit is what stops a distributed guesser.
      expect(await lookupReportStatus(portal, out.trackingNumber, 'WRONGCOD', `203.0.113.${i}`)).toEqual({ ok: false, reason: 'not_found' });
    }
    expect(await lookupReportStatus(portal, out.trackingNumber, out.checkCode, '203.0.113.200')).toEqual({ ok: false, reason: 'rate_limited' });
  });
});
