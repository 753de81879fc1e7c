import { describe, expect, test } from 'vitest';
import {
  defaultScryptParams,
  generateTemporaryPassword,
  hashPassword,
  needsRehash,
  newPasswordSchema,
  verifyPassword,
} from '../../../src/domain/staff/password.ts';

// Cheap parameters keep most tests fast; one test uses the real ones.
const fast = { N: 1024, r: 8, p: 1 };

describe('hashPassword', () => {
  test('stores the scrypt parameters with a fresh salt, so two hashes of one password differ', async () => {
    const a = await hashPassword('景德镇 correct horse', fast);
    const b = await hashPassword('景德镇 correct horse', fast);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
  });
});

describe('verifyPassword', () => {
  test('returns true for the right password with the default parameters', async () => {
    const stored = await hashPassword('long enough passphrase');
    expect(stored.startsWith(`scrypt$${defaultScryptParams.N}$`)).toBe(true);
    expect(await verifyPassword('long enough passphrase', stored)).toBe(true);
  });

  test('returns false for a wrong password, a different case and a trailing space', async () => {
    const stored = await hashPassword('Porcelain-Capital-2026', fast);
    expect(await verifyPassword('porcelain-capital-2026', stored)).toBe(false);
    expect(await verifyPassword('Porcelain-Capital-2026 ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  test('returns false for stored values that are not our hashes', async () => {
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', 'plaintext-password')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$abc$8$1$AAAA$AAAA')).toBe(false);
  });

  test('returns true when the same characters arrive in another Unicode normalisation form', async () => {
    const composed = 'caf\u00e9 latte 景德镇';
    const stored = await hashPassword(composed, fast);
    expect(await verifyPassword(composed.normalize('NFD'), stored)).toBe(true);
  });
});

describe('needsRehash', () => {
  test('returns true for weaker parameters and false for the defaults', async () => {
    expect(needsRehash(await hashPassword('whatever whatever', fast))).toBe(true);
    expect(needsRehash(`scrypt$${defaultScryptParams.N}$8$${defaultScryptParams.p}$AAAA$AAAA`)).toBe(false);
  });
});

describe('newPasswordSchema', () => {
  test('refuses passwords shorter than 12 characters', () => {
    expect(newPasswordSchema().safeParse('short-pass1').success).toBe(false);
    expect(newPasswordSchema().safeParse('twelve-chars').success).toBe(true);
  });

  test('refuses a repeated character and a password containing the username', () => {
    expect(newPasswordSchema().safeParse('aaaaaaaaaaaaaaaa').success).toBe(false);
    expect(newPasswordSchema('zhang.wei').safeParse('Zhang.Wei-2026-ok').success).toBe(false);
  });
});

describe('generateTemporaryPassword', () => {
  test('returns 4 groups of 4 that pass the new-password rules and differ each time', () => {
    const a = generateTemporaryPassword();
    expect(a).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(newPasswordSchema().safeParse(a).success).toBe(true);
    expect(generateTemporaryPassword()).not.toBe(a);
  });
});
