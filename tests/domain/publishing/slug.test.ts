import { describe, expect, test } from 'vitest';
import { maxSlugLength, permalinkYear, slugFrom, uniqueSlug } from '../../../src/domain/publishing/slug.ts';

describe('slugFrom', () => {
  test('uses the slug staff typed, lower-cased', () => {
    expect(slugFrom({ requested: 'Ibuprofen-Supply', title: '布洛芬' })).toBe('ibuprofen-supply');
  });

  test('falls back to the pinyin of the title, a word per hyphen, when no slug or an invalid one is given', () => {
    expect(slugFrom({ title: '布洛芬“断货”说法' })).toBe('buluofen-duanhuo-shuofa');
    expect(slugFrom({ requested: '不行', title: '阿莫西林 B12' })).toBe('amoxilin-b12');
  });

  test('keeps long titles within the limit, cut at a word boundary', () => {
    const slug = slugFrom({ title: '关于网传“某药全国断货”的澄清说明，请广大群众不要恐慌囤积药品，理性购药，谨防上当受骗' });
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('still gives a usable slug for a title of symbols only', () => {
    expect(slugFrom({ title: '！？……' })).toBe('item');
  });
});

describe('uniqueSlug', () => {
  test('returns the slug itself when free and the first free numbered variant otherwise', () => {
    expect(uniqueSlug('buluofen', new Set())).toBe('buluofen');
    expect(uniqueSlug('buluofen', new Set(['buluofen', 'buluofen-2']))).toBe('buluofen-3');
  });

  test('keeps a numbered variant within the length limit', () => {
    const long = 'a'.repeat(maxSlugLength);
    expect(uniqueSlug(long, new Set([long])).length).toBeLessThanOrEqual(maxSlugLength);
  });
});

describe('permalinkYear', () => {
  test('uses the year in China: 31 December 17:00 UTC is already 1 January in Beijing', () => {
    expect(permalinkYear('2025-12-31T17:00:00Z')).toBe(2026);
    expect(permalinkYear('2025-12-31T15:59:59Z')).toBe(2025);
  });
});
