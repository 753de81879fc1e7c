import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toSimplified } from '../../../src/domain/search/simplifiedChinese.ts';
import { traditionalToSimplified } from '../../../src/server/search/searchVocabulary.ts';

describe('traditionalToSimplified (opencc-js)', () => {
  test('turns traditional and Taiwanese spellings of drug names, forms and needs into simplified ones', () => {
    expect(traditionalToSimplified('鹽酸二甲雙胍緩釋膠囊')).toBe('盐酸二甲双胍缓释胶囊');
    expect(traditionalToSimplified('氯雷他定錠')).toBe('氯雷他定锭');
    expect(traditionalToSimplified('發燒 著涼')).toBe('发烧 着凉');
  });

  test('changes no character of the catalogue, the aliases or the need words except those toSimplified keeps', () => {
    const files = ['eml2026_varieties.repaired.csv', 'drug-aliases.csv', 'drug-needs.csv'];
    const text = files.map((f) => readFileSync(`data/${f}`, 'utf8')).join('\n');
    const changed = text.split('\n').filter((line) => toSimplified(line, traditionalToSimplified) !== line);
    expect(changed).toEqual([]);
  });
});
