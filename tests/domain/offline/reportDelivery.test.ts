import { describe, expect, it } from 'vitest';
import { deliveryOutcome } from '../../../src/domain/offline/reportDelivery.ts';

const ack = { trackingNumber: 'JDZ-20261206-0001', checkCode: 'JM5NC7HW', statusUrl: '/report/status?number=JDZ-20261206-0001' };
const refusal = (code: string, field?: string) => ({ error: { code, message: '说明', ...(field ? { field } : {}) } });

describe('deliveryOutcome', () => {
  it('returns delivered with the acknowledgement on 201 and on the 200 of a repeated key', () => {
    expect(deliveryOutcome(201, ack)).toEqual({ kind: 'delivered', acknowledgement: ack });
    expect(deliveryOutcome(200, { ...ack, extra: 1 })).toEqual({ kind: 'delivered', acknowledgement: ack });
  });

  it('returns retry when the proof of work expired or was spent, so the next send solves a fresh one', () => {
    expect(deliveryOutcome(403, refusal('challenge_failed', 'altcha')).kind).toBe('retry');
    expect(deliveryOutcome(403, refusal('challenge_replayed', 'altcha')).kind).toBe('retry');
    expect(deliveryOutcome(400, refusal('challenge_missing', 'altcha')).kind).toBe('retry');
  });

  it('returns retry on rate limits, server faults and answers that are not the portal’s JSON', () => {
    expect(deliveryOutcome(429, refusal('rate_limited')).kind).toBe('retry');
    expect(deliveryOutcome(503, refusal('unavailable')).kind).toBe('retry');
    expect(deliveryOutcome(502, null).kind).toBe('retry');
    expect(deliveryOutcome(201, { trackingNumber: 'JDZ-1' }).kind).toBe('retry');
  });

  it('returns refused with the message and field when the report itself will never be taken', () => {
    expect(deliveryOutcome(400, refusal('invalid_parameter', 'seenAt'))).toEqual({ kind: 'refused', message: '说明', field: 'seenAt' });
    expect(deliveryOutcome(422, refusal('idempotency_key_reused'))).toEqual({ kind: 'refused', message: '说明' });
  });
});
