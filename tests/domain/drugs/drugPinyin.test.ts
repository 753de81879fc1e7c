import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, test } from 'vitest';
import { drugPinyin } from '../../../src/domain/drugs/drugPinyin.ts';
import { DRUG_PINYIN_DICTIONARY } from '../../../src/domain/drugs/drugPinyinDictionary.ts';
import { emlCatalogueFromCsv } from '../../../src/domain/drugs/emlCatalogue.ts';

describe('drugPinyin', () => {
  test('gives toneless full pinyin without spaces and the initials', () => {
    expect(drugPinyin('布洛芬')).toEqual({ full: 'buluofen', initials: 'blf' });
    expect(drugPinyin('对乙酰氨基酚')).toEqual({ full: 'duiyixiananjifen', initials: 'dyxajf' });
  });

  test('reads 重 in 重酒石酸 as chóng', () => {
    const p = drugPinyin('重酒石酸去甲肾上腺素');
    expect(p.full.startsWith('chongjiushisuan')).toBe(true);
    expect(p.full).toBe('chongjiushisuanqujiashenshangxiansu');
    expect(p.initials.startsWith('cjss')).toBe(true);
  });

  test('uses the drug readings of polyphonic characters', () => {
    expect(drugPinyin('重组人组织型纤溶酶原激酶衍生物').full.startsWith('chongzuren')).toBe(true);
    expect(drugPinyin('参麦注射液').full).toBe('shenmaizhusheye');
    expect(drugPinyin('复方丹参片').full).toBe('fufangdanshenpian');
    expect(drugPinyin('肺力咳合剂').full).toBe('feilikeheji');
    expect(drugPinyin('枸橼酸铋钾').full).toBe('juyuansuanbijia');
    expect(drugPinyin('血栓通胶囊').initials).toBe('xstjn');
    expect(drugPinyin('金匮肾气丸').full).toBe('jinguishenqiwan');
    expect(drugPinyin('中/长链脂肪乳').full).toBe('zhongchanglianzhifangru');
    expect(drugPinyin('人生长激素').full).toBe('renshengzhangjisu');
    expect(drugPinyin('尼可刹米').full).toBe('nikeshami');
    expect(drugPinyin('新斯的明').full).toBe('xinsidiming');
  });

  test('keeps Latin letters and digits, lower-cased, in both', () => {
    expect(drugPinyin('维生素B12')).toEqual({ full: 'weishengsub12', initials: 'wssb12' });
    expect(drugPinyin('复方氨基酸18AA')).toEqual({ full: 'fufanganjisuan18aa', initials: 'ffajs18aa' });
    expect(drugPinyin('维Ａ酸').initials).toBe('was');
  });

  test('ignores punctuation and writes ü as v', () => {
    expect(drugPinyin('三氧化二砷（亚砷酸）').initials).toBe('syhesyss');
    expect(drugPinyin('羟乙基淀粉130/0.4').initials).toBe('qyjdf13004');
    expect(drugPinyin('氯化钙').full).toBe('lvhuagai');
  });

  test('returns empty strings for text without letters', () => {
    expect(drugPinyin('（、）')).toEqual({ full: '', initials: '' });
  });

  test('gives one initial per Chinese character for every catalogue name', () => {
    const varieties = emlCatalogueFromCsv(readFileSync(join(import.meta.dirname, '../../../data/eml2026_varieties.repaired.csv'), 'utf8'));
    for (const v of varieties) {
      const expected = v.genericName.replace(/[^\p{Script=Han}0-9A-Za-z]/gu, '').length;
      expect(drugPinyin(v.genericName).initials, v.genericName).toHaveLength(expected);
    }
  });
});

describe('DRUG_PINYIN_DICTIONARY', () => {
  test('has one toned syllable per character of each word', () => {
    for (const [word, reading] of Object.entries(DRUG_PINYIN_DICTIONARY)) {
      expect(reading.split(' '), word).toHaveLength([...word].length);
    }
  });

  test('only lists readings pinyin-pro knows for the character', () => {
    const toneless = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    for (const [word, reading] of Object.entries(DRUG_PINYIN_DICTIONARY)) {
      [...word].forEach((ch, i) => {
        const known = pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }).map(toneless);
        expect(known, `${word}: ${ch}`).toContain(toneless(reading.split(' ')[i] ?? ''));
      });
    }
  });
});
