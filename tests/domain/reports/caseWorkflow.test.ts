import { describe, expect, test } from 'vitest';
import { planStep } from '../../../src/domain/reports/caseWorkflow.ts';

describe('planStep', () => {
  test('walks a case from received to closed and back by reopening', () => {
    expect(planStep('received', { kind: 'assign' })).toEqual({ ok: true, status: 'assigned', event: 'assigned' });
    expect(planStep('assigned', { kind: 'verify', result: 'confirmed', action: 'reallocation' })).toEqual({ ok: true, status: 'verified', event: 'result' });
    expect(planStep('verified', { kind: 'reply', text: '已调剂' })).toEqual({ ok: true, status: 'replied', event: 'public_reply' });
    expect(planStep('replied', { kind: 'close' })).toEqual({ ok: true, status: 'closed', event: 'closed' });
    expect(planStep('closed', { kind: 'reopen' })).toEqual({ ok: true, status: 'received', event: 'reopened' });
  });

  test('refuses a reply before a result, closing before a reply, and reopening an open case', () => {
    expect(planStep('assigned', { kind: 'reply', text: 'x' })).toEqual({ ok: false, reason: 'wrong_status' });
    expect(planStep('verified', { kind: 'close' })).toEqual({ ok: false, reason: 'wrong_status' });
    expect(planStep('received', { kind: 'reopen' })).toEqual({ ok: false, reason: 'wrong_status' });
    expect(planStep('closed', { kind: 'assign' })).toEqual({ ok: false, reason: 'wrong_status' });
  });
});
