import { describe, expect, test } from 'vitest';
import { regionCodeInput, standardRegionCode, storedRegionCode } from '../../../src/domain/regions/standardCode.ts';

describe('standardRegionCode', () => {
  test('pads a province and a city to the six-digit national code and leaves counties and townships alone', () => {
    expect(standardRegionCode('36')).toBe('360000');
    expect(standardRegionCode('3602')).toBe('360200');
    expect(standardRegionCode('360203')).toBe('360203');
    expect(standardRegionCode('360203001')).toBe('360203001');
  });
});

describe('regionCodeInput', () => {
  test.each([
    ['36', '36'], ['360000', '36'], ['3602', '3602'], ['360200', '3602'], ['360203', '360203'], ['360203001', '360203001'], ['360203001000', '360203001'],
  ])('reads %s as the stored %s', (input, stored) => {
    expect(regionCodeInput.parse(input)).toBe(stored);
  });

  test.each(['3', '36020', '3602030010', '360203001001', 'abc'])('refuses %s with a Chinese message', (input) => {
    const parsed = regionCodeInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/地区代码/);
  });

  test('round-trips every stored form', () => {
    for (const code of ['36', '3602', '360203', '360203001']) expect(storedRegionCode(standardRegionCode(code))).toBe(code);
  });
});
