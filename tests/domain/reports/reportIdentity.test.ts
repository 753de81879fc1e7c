import { describe, expect, test } from 'vitest';
import { caseKey, isDuplicateSubmission, joinsCase } from '../../../src/domain/reports/caseGrouping.ts';
import { checkCodeAlphabet, checkCodeFromBytes, normalizeCheckCode } from '../../../src/domain/reports/checkCode.ts';
import { maskPhone, mobilePhone } from '../../../src/domain/reports/phoneNumber.ts';
import { cityPrefix, formatTrackingNumber, trackingNumber } from '../../../src/domain/reports/trackingNumber.ts';

describe('trackingNumber', () => {
  test('formats the city initials, the Shanghai day and a four-digit sequence', () => {
    expect(formatTrackingNumber(cityPrefix('景德镇市'), '2026-11-29', 42)).toBe('JDZ-20261129-0042');
  });

  test('keeps sequences past 9999 readable instead of wrapping', () => {
    expect(formatTrackingNumber('JDZ', '2026-11-29', 12345)).toBe('JDZ-20261129-12345');
  });

  test('accepts a typed number in lower case with spaces and refuses other shapes', () => {
    expect(trackingNumber.parse(' jdz-20261129-0042 ')).toBe('JDZ-20261129-0042');
    expect(trackingNumber.safeParse('JDZ-2026-0042').success).toBe(false);
    expect(trackingNumber.safeParse('../etc').success).toBe(false);
  });
});

describe('checkCode', () => {
  test('returns 8 characters from the unambiguous alphabet', () => {
    const code = checkCodeFromBytes(new Uint8Array([0, 30, 31, 255, 7, 8, 9, 10]));
    expect(code).toHaveLength(8);
    for (const ch of code) expect(checkCodeAlphabet).toContain(ch);
    expect(checkCodeAlphabet).not.toMatch(/[01OIL]/);
  });

  test('forgives spaces, dashes and lower case as typed', () => {
    expect(normalizeCheckCode('ab3d-ef 7h')).toBe('AB3DEF7H');
  });
});

describe('phone numbers', () => {
  test('masks the middle four digits: 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  test('accepts spaces, dashes and +86 and refuses landlines and short numbers', () => {
    expect(mobilePhone.parse('+86 138-1234-1234')).toBe('13812341234');
    expect(mobilePhone.safeParse('0798-8221234').success).toBe(false);
    expect(mobilePhone.safeParse('1381234123').success).toBe(false);
  });
});

describe('case grouping', () => {
  test('groups by drug id and facility, or by typed name and county without a facility', () => {
    expect(caseKey({ drugId: 'W078', drugName: '阿莫西林', facilityId: 'F1', countyCode: '360203' })).toBe('drug:W078|facility:F1');
    expect(caseKey({ drugName: ' 某 药 ', countyCode: '360203' })).toBe('name:某药|county:360203');
  });

  test('joins a case whose latest report is at most 7 days old, not one a moment older', () => {
    const last = '2026-11-22T00:00:00.000Z';
    expect(joinsCase(last, new Date('2026-11-29T00:00:00.000Z'))).toBe(true);
    expect(joinsCase(last, new Date('2026-11-29T00:00:00.001Z'))).toBe(false);
  });

  test('treats a second submission from one device within 30 minutes as a duplicate', () => {
    expect(isDuplicateSubmission('2026-11-29T00:00:00Z', new Date('2026-11-29T00:30:00Z'))).toBe(true);
    expect(isDuplicateSubmission('2026-11-29T00:00:00Z', new Date('2026-11-29T00:30:01Z'))).toBe(false);
  });
});
