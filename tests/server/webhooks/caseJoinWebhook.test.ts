import type { Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newWebhookSecret } from '../../../src/domain/webhooks/webhookSignature.ts';
import { lookupReportStatus } from '../../../src/server/reports/reportStatus.ts';
import { submitReport } from '../../../src/server/reports/reportIntake.ts';
import { addWebhookEndpoint } from '../../../src/server/store/webhookStore.ts';
import { deliverWebhooks } from '../../../src/server/webhooks/webhookDelivery.ts';
import { openReportsPortal, solvedChallenge, submission } from '../reports/reportFixtures.ts';
import { startWebhookReceiver } from './webhookReceiver.ts';

let portal: Awaited<ReturnType<typeof openReportsPortal>>;
let server: Server;
let url: string;
const secret = newWebhookSecret();
const received: { id: string; type: string; data: { caseId: number; detail: { reportCount?: number; trackingNumber?: string } | null } }[] = [];

beforeAll(async () => {
  portal = await openReportsPortal();
  const verifier = new Webhook(secret);
  ({ server, url } = await startWebhookReceiver(({ body, headers }) => {
    try {
      // Signed at the real time below, so the library checks it exactly as a receiver would, clock included.
      received.push({ id: headers['webhook-id'] ?? '', ...(verifier.verify(body, headers) as Omit<(typeof received)[number], 'id'>) });
      return 204;
    } catch {
      return 400;
    }
  }));
});
afterAll(async () => {
  server.close();
  await portal.close();
});

describe('a report joining an existing case', () => {
  test('emits report_case.joined with the new count, verified with standardwebhooks; a device repeat emits nothing', async () => {
    await addWebhookEndpoint(portal.store, { name: '市监测平台', url, secret, at: new Date().toISOString() });
    const first = await submitReport(portal, submission({ drugName: '地高辛片', altcha: await solvedChallenge(portal.dir) }));
    const second = await submitReport(portal, submission({ drugName: '地高辛片', altcha: await solvedChallenge(portal.dir) }));
    // A third citizen joins, then taps again: the repeat is merged as a duplicate, neither counted nor announced.
    const third = async () => submitReport(portal, submission({ drugName: '地高辛片', altcha: await solvedChallenge(portal.dir) }, { deviceId: 'third-citizen' }));
    await third();
    await third();
    if (!first.ok || !second.ok) throw new Error('not acknowledged');

    expect(await deliverWebhooks(portal.store, new Date())).toBe(3);
    expect(received.map((r) => r.type)).toEqual(['report_case.received', 'report_case.joined', 'report_case.joined']);
    const caseId = received[0]?.data.caseId;
    expect(received.every((r) => r.data.caseId === caseId)).toBe(true);
    expect(received[1]?.data.detail).toMatchObject({ reportCount: 2, trackingNumber: second.trackingNumber });
    expect(received[2]?.data.detail).toMatchObject({ reportCount: 3 });
    expect(new Set(received.map((r) => r.id)).size).toBe(3);

    // The citizens' own timeline does not list the others' reports; their number stands beside it.
    const status = await lookupReportStatus(portal, first.trackingNumber, first.checkCode, '192.0.2.10');
    expect(status.ok && status.view.timeline.map((e) => e.kind)).toEqual(['received']);
  });
});
