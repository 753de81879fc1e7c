import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDrugNeeds } from '../../../src/domain/search/drugNeeds.ts';
import { searchTerms } from '../../../src/domain/search/searchTerms.ts';
import { toSimplified } from '../../../src/domain/search/simplifiedChinese.ts';

/** A stand-in for OpenCC, character by character, so these rules are tested without the dictionaries. */
const toyTable = new Map([...'鹽雙緩釋膠噁'].map((t, i) => [t, '盐双缓释胶恶'[i] as string]));
const toyConverter = (text: string) => [...text].map((ch) => toyTable.get(ch) ?? ch).join('');

const vocabulary = {
  simplified: toyConverter,
  needs: parseDrugNeeds(readFileSync('data/drug-needs.csv', 'utf8')),
};

describe('toSimplified', () => {
  test('turns traditional characters into simplified ones with the converter it is given', () => {
    expect(toSimplified('鹽酸二甲雙胍緩釋膠囊', toyConverter)).toBe('盐酸二甲双胍缓释胶囊');
  });
  test('leaves 噁 of 复方磺胺甲噁唑 alone even where the converter would change it: it is the simplified name', () => {
    expect(toSimplified('複方磺胺甲噁唑', (t) => toyConverter(t).replace('複', '复'))).toBe('复方磺胺甲噁唑');
  });
});

describe('searchTerms', () => {
  test('gives the core of a name typed as printed on the box', () => {
    expect(searchTerms('鹽酸二甲雙胍片', vocabulary)).toMatchObject({ text: '盐酸二甲双胍片', core: '二甲双胍', withoutForm: '盐酸二甲双胍' });
  });
  test('folds full-width letters to ASCII', () => {
    expect(searchTerms('ＶＣ', vocabulary).text).toBe('vc');
  });
  test('has no core when the query is already bare', () => {
    expect(searchTerms('布洛芬', vocabulary)).toMatchObject({ core: null, withoutForm: null, need: null });
  });
  test('finds the need in a sentence, longest word first', () => {
    expect(searchTerms('高血压吃什么药', vocabulary).need?.need).toBe('高血压');
    expect(searchTerms('退烧药', vocabulary).need?.classes).toEqual([
      { category: '四、镇痛、解热、抗炎、抗风湿、抗痛风药', subcategory: '（二）解热镇痛、抗炎、抗风湿药' },
    ]);
  });
  test('does not look for needs in pinyin', () => {
    expect(searchTerms('ganmao', vocabulary).need).toBeNull();
  });
});
