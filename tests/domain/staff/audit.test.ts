import { describe, expect, test } from 'vitest';
import { auditDiff, auditEntry, auditSnapshot } from '../../../src/domain/staff/audit.ts';
import { auditFilter, auditTimeRange } from '../../../src/domain/staff/auditFilter.ts';
import { parseStoredRoles, staffRoleSet } from '../../../src/domain/staff/roles.ts';

describe('auditDiff', () => {
  test('returns only the fields that changed, before and after', () => {
    const diff = auditDiff({ username: 'li', roles: ['data'], disabled: false }, { username: 'li', roles: ['data', 'admin'], disabled: false });
    expect(diff).toEqual({ before: { roles: ['data'] }, after: { roles: ['data', 'admin'] } });
  });

  test('returns null when nothing changed', () => {
    expect(auditDiff({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toBeNull();
  });

  test('leaves out password hashes and TOTP secrets even when they changed', () => {
    expect(auditDiff({ password_hash: 'x', totpSecret: 'A' }, { password_hash: 'y', totpSecret: 'B' })).toBeNull();
    expect(auditSnapshot({ username: 'li', passwordHash: 'scrypt$…', token: 't' })).toEqual({ username: 'li' });
  });

  test('shows a field that was added or removed', () => {
    expect(auditDiff({ a: 1 }, { a: 1, b: 2 })).toEqual({ before: {}, after: { b: 2 } });
  });
});

describe('auditEntry', () => {
  test('refuses an action that is not in the list', () => {
    const base = { at: '2026-03-02T01:00:00.000Z', actorId: 1, actorUsername: 'li', ip: null, regionCode: '3602', targetType: null, targetId: null, before: null, after: null, detail: null };
    expect(auditEntry.safeParse({ ...base, action: 'account.create' }).success).toBe(true);
    expect(auditEntry.safeParse({ ...base, action: 'account.delete' }).success).toBe(false);
  });
});

describe('auditTimeRange', () => {
  test('returns Shanghai midnight to the next Shanghai midnight in UTC', () => {
    expect(auditTimeRange({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      since: '2026-02-28T16:00:00.000Z',
      before: '2026-03-01T16:00:00.000Z',
    });
  });
});

describe('auditFilter', () => {
  test('refuses a start date after the end date and a malformed date', () => {
    expect(auditFilter.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(auditFilter.safeParse({ from: '2026/03/02' }).success).toBe(false);
    expect(auditFilter.parse({})).toEqual({ page: 1 });
  });
});

describe('staffRoleSet and parseStoredRoles', () => {
  test('returns roles in canonical order without repeats and refuses an empty set or unknown role', () => {
    expect(staffRoleSet.parse(['admin', 'data', 'admin'])).toEqual(['data', 'admin']);
    expect(staffRoleSet.safeParse([]).success).toBe(false);
    expect(staffRoleSet.safeParse(['root']).success).toBe(false);
  });

  test('drops unknown names and returns no roles for unreadable JSON', () => {
    expect(parseStoredRoles('["publisher","superuser"]')).toEqual(['publisher']);
    expect(parseStoredRoles('not json')).toEqual([]);
    expect(parseStoredRoles('{"admin":true}')).toEqual([]);
  });
});
