import { describe, expect, test } from 'vitest';
import { sameSitePath } from '../../../src/domain/navigation/sameSitePath.ts';

describe('sameSitePath', () => {
  test('keeps a path on this site with its query and fragment', () => {
    expect(sameSitePath('/search?q=布洛芬#results')).toBe('/search?q=布洛芬#results');
  });

  test.each(['//evil.example/x', '/\\evil.example/x', '/\\/evil.example', 'https://evil.example', 'javascript:alert(1)', '/a\nb', '/a\u202eb', '/a\u0000', 'x/y', '', ' /x'])(
    'falls back to / for %j',
    (value) => {
      expect(sameSitePath(value)).toBe('/');
    },
  );

  test('falls back to the given path for a non-string or an overlong value', () => {
    expect(sameSitePath(undefined, '/staff')).toBe('/staff');
    expect(sameSitePath(`/${'a'.repeat(3000)}`, '/staff')).toBe('/staff');
  });
});

describe('staff login next= uses the same rule', () => {
  test('keeps back-office paths and refuses the rest', async () => {
    const { safeNextPath } = await import('../../../src/server/staff/staffRequest.ts');
    expect(safeNextPath('/staff/notices?page=2')).toBe('/staff/notices?page=2');
    for (const next of ['/\\evil.example', '//evil.example/staff', '/staffevil', '/search', 'https://evil.example/staff']) expect(safeNextPath(next)).toBe('/staff');
  });
});
