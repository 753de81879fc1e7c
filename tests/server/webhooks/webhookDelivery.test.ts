import type { Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newWebhookSecret, webhookHeaders } from '../../../src/domain/webhooks/webhookSignature.ts';
import { takeCaseStep } from '../../../src/server/reports/intakeActions.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { addWebhookEndpoint, webhookDeliveryLog } from '../../../src/server/store/webhookStore.ts';
import { deliverWebhooks } from '../../../src/server/webhooks/webhookDelivery.ts';
import { openReportsPortal, solvedChallenge, submission } from '../reports/reportFixtures.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';
import { startWebhookReceiver } from './webhookReceiver.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
let server: Server;
let url: string;
const secret = newWebhookSecret();
/** The receiver answers 503 while `down`, and otherwise verifies each delivery with the standardwebhooks library. */
let down = true;
const received: { id: string; type: string; caseId: number }[] = [];
const refusedSignatures: string[] = [];

beforeAll(async () => {
  portal = await openReportsPortal();
  const verifier = new Webhook(secret);
  ({ server, url } = await startWebhookReceiver(({ body, headers }) => {
    if (down) return 503;
    try {
      // The library also checks the timestamp against its own clock (5 minutes' tolerance); the test's
      // simulated clock is far off, so it verifies the message as re-signed for now, and the id/body match.
      const payload = verifier.verify(body, { ...headers, ...resignedNow(headers['webhook-id'] ?? '', headers, body) }) as { type: string; data: { caseId: number } };
      received.push({ id: headers['webhook-id'] ?? '', type: payload.type, caseId: payload.data.caseId });
      return 204;
    } catch (error) {
      refusedSignatures.push(String(error));
      return 400;
    }
  }));
});
afterAll(async () => {
  server.close();
  await portal.close();
});

/**
 * The signature as sent must verify at its own timestamp: recompute it here for that timestamp and compare, then
 * hand the library headers for the current time so its replay window (against the real clock) passes.
 */
function resignedNow(id: string, headers: Record<string, string>, body: string): Record<string, string> {
  const sentAt = new Date(Number(headers['webhook-timestamp']) * 1000);
  if (webhookHeaders(secret, id, sentAt, body)['webhook-signature'] !== headers['webhook-signature']) throw new Error('signature does not match');
  return webhookHeaders(secret, id, new Date(), body);
}

describe('webhook outbox', () => {
  test('a receiver that fails for a while gets every event once it recovers, in order, verified with standardwebhooks', async () => {
    const t0 = new Date('2026-11-30T02:00:00Z');
    await addWebhookEndpoint(portal.store, { name: '省监测平台', url, secret, at: t0.toISOString() });
    await seedAccount(portal.store, 'hook.zhushan', '360203', ['intake']);
    const officer = await signedIn(portal.store, 'hook.zhushan');
    const caseIds: number[] = [];
    for (const drugName of ['布洛芬片', '氨氯地平片']) {
      const out = await submitReport(portal, submission({ drugName, altcha: await solvedChallenge(portal.dir) }));
      if (!out.ok) throw new Error(out.message);
      const row = await portal.store.selectFrom('citizen_reports').select('case_id').where('tracking_number', '=', out.trackingNumber).executeTakeFirstOrThrow();
      caseIds.push(row.case_id);
    }
    const [a, b] = caseIds as [number, number];
    await takeCaseStep(portal, officer, a, { kind: 'assign' }, t0);
    await takeCaseStep(portal, officer, b, { kind: 'assign' }, t0);
    await takeCaseStep(portal, officer, a, { kind: 'verify', result: 'confirmed', action: 'reallocation' }, t0);

    // Down for over an hour: each pass tries the first event once, then waits out the back-off.
    let now = t0;
    for (let i = 0; i < 12; i++) {
      expect(await deliverWebhooks(portal.store, now)).toBe(0);
      now = new Date(now.getTime() + 10 * 60_000);
    }
    expect(received).toEqual([]);
    const failures = await webhookDeliveryLog(portal.store, { limit: 100 });
    expect(failures.every((f) => f.outcome === 'failed' && f.status_code === 503)).toBe(true);

    down = false;
    now = new Date(now.getTime() + 60 * 60_000);
    expect(await deliverWebhooks(portal.store, now)).toBe(5);
    expect(received.map((r) => [r.type, r.caseId])).toEqual([
      ['report_case.received', a],
      ['report_case.received', b],
      ['report_case.assigned', a],
      ['report_case.assigned', b],
      ['report_case.result', a],
    ]);
    expect(new Set(received.map((r) => r.id)).size).toBe(5);
    expect(refusedSignatures).toEqual([]);
    // Nothing more to send, and nothing sent twice.
    expect(await deliverWebhooks(portal.store, new Date(now.getTime() + 60_000))).toBe(0);
    expect(received).toHaveLength(5);
    expect(await webhookDeliveryLog(portal.store, { outcome: 'dead', limit: 10 })).toEqual([]);
  });

  test('the signature is the Standard Webhooks one: the library verifies it and refuses a tampered body', () => {
    const body = JSON.stringify({ type: 'report_case.received', timestamp: new Date().toISOString(), data: {} });
    const headers = webhookHeaders(secret, 'evt_case_1', new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: 'report_case.received' });
    expect(() => new Webhook(secret).verify(body.replace('received', 'closed'), headers)).toThrow();
  });
});
