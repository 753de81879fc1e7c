import { describe, expect, test } from 'vitest';
import { creditCode, creditCodeChecks, licenceNumber } from '../../../src/domain/facilities/registrationNumbers.ts';

describe('creditCodeChecks', () => {
  test('accepts codes whose 18th character is the GB 32100-2015 check character', () => {
    expect(creditCodeChecks('91350100M000100Y43')).toBe(true);
    expect(creditCodeChecks('12360200491520212B')).toBe(false);
    expect(creditCodeChecks('123602004915202125')).toBe(true);
  });

  test('refuses wrong length and the letters the standard leaves out (I, O, S, V, Z)', () => {
    expect(creditCodeChecks('91350100M000100Y4')).toBe(false);
    expect(creditCodeChecks('91350100M000100YI3')).toBe(false);
  });
});

describe('creditCode and licenceNumber', () => {
  test('upper-case a code typed in lower case and name the problem in Chinese', () => {
    expect(creditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(creditCode.safeParse('91350100M000100Y44').error?.issues[0]?.message).toMatch(/统一社会信用代码/);
    expect(licenceNumber.safeParse('许可证').error?.issues[0]?.message).toMatch(/执业许可证/);
    expect(licenceNumber.parse('PDY00001336020211A1002')).toBe('PDY00001336020211A1002');
  });
});
