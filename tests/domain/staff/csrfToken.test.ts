import { describe, expect, test } from 'vitest';
import { csrfTokensMatch, newCsrfToken } from '../../../src/domain/staff/csrfToken.ts';

describe('newCsrfToken', () => {
  test('returns 43 URL-safe characters (32 bytes) that differ each time', () => {
    const token = newCsrfToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newCsrfToken()).not.toBe(token);
  });
});

describe('csrfTokensMatch', () => {
  const token = newCsrfToken();

  test('returns true only for the identical token', () => {
    expect(csrfTokensMatch(token, token)).toBe(true);
    expect(csrfTokensMatch(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
  });

  test('returns false for a prefix, a longer value and another session’s token', () => {
    expect(csrfTokensMatch(token, token.slice(0, 10))).toBe(false);
    expect(csrfTokensMatch(token, `${token}x`)).toBe(false);
    expect(csrfTokensMatch(token, newCsrfToken())).toBe(false);
  });

  test('returns false when either side is missing, empty or not a string', () => {
    expect(csrfTokensMatch(token, null)).toBe(false);
    expect(csrfTokensMatch(token, '')).toBe(false);
    expect(csrfTokensMatch(token, undefined)).toBe(false);
    expect(csrfTokensMatch(token, new File([token], 'x'))).toBe(false);
    expect(csrfTokensMatch('', '')).toBe(false);
    expect(csrfTokensMatch(undefined, token)).toBe(false);
  });
});
