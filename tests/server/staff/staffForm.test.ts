import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { StaffAuthError } from '../../../src/server/staff/staffAuth.ts';
import { checkboxes, readStaffForm } from '../../../src/server/staff/staffForm.ts';

const token = 'session-csrf-token-0123456789abcdef0123456';
const schema = z.object({
  username: z.string({ error: '请输入用户名' }).min(1, '请输入用户名'),
  password: z.string().min(12, '密码至少需要 12 个字符'),
  roles: checkboxes(z.enum(['data', 'admin'])),
});

function post(fields: Array<[string, string]>): Request {
  return new Request('http://localhost/staff/x', { method: 'POST', body: new URLSearchParams(fields) });
}

describe('readStaffForm', () => {
  test('throws a csrf StaffAuthError when the token is missing or wrong, before looking at fields', async () => {
    for (const fields of [[['username', 'li']], [['_csrf', 'nope'], ['username', 'li']]] as Array<Array<[string, string]>>) {
      const error = await readStaffForm(post(fields), token, schema).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaffAuthError);
      expect((error as StaffAuthError).code).toBe('csrf');
    }
  });

  test('returns the data, with one ticked checkbox as a one-item array', async () => {
    const result = await readStaffForm(post([['_csrf', token], ['username', 'li'], ['password', 'x'.repeat(12)], ['roles', 'admin']]), token, schema);
    expect(result).toMatchObject({ ok: true, data: { username: 'li', roles: ['admin'] } });
  });

  test('returns one message per field in form order, and never echoes passwords back', async () => {
    const result = await readStaffForm(post([['_csrf', token], ['password', 'short'], ['roles', 'root']]), token, schema);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => [e.field, e.message])).toEqual([
      ['username', '请输入用户名'],
      ['password', '密码至少需要 12 个字符'],
      ['roles', expect.any(String)],
    ]);
    expect(result.values).toEqual({ roles: 'root' });
  });
});
