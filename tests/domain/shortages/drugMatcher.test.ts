import { describe, expect, test } from 'vitest';
import { drugPinyin } from '../../../src/domain/drugs/drugPinyin.ts';
import { drugMatcher, type MatchableDrug, withoutFormWords, withoutSaltWords } from '../../../src/domain/shortages/drugMatcher.ts';

// Names as the 2026 catalogue spells them; the ids are the catalogue's.
const drug = (id: string, genericName: string, aliases: string[] = []): MatchableDrug => ({
  id, genericName, aliases, pinyinFull: drugPinyin(genericName).full,
});
const catalogue = [
  drug('W240', '阿托品'),
  drug('W198', '多巴胺'),
  drug('W139', '地西泮', ['安定']),
  drug('W012', '头孢呋辛'),
  drug('W182', '硫酸镁'),
  drug('W430', '氯化钾'),
  drug('W431', '氯化钠'),
  drug('T037', '连花清瘟胶囊（颗粒）'),
  drug('T102', '乌灵胶囊'),
  drug('T158', '五灵胶囊'),
];
const match = drugMatcher(catalogue);

describe('drugMatcher', () => {
  test('matches the exact generic name, also typed with full-width brackets or spaces', () => {
    expect(match('阿托品')).toEqual({ status: 'matched', drugId: 'W240', method: 'exact' });
    expect(match(' 连花清瘟胶囊(颗粒) ')).toEqual({ status: 'matched', drugId: 'T037', method: 'exact' });
  });

  test('matches an alias when no generic name is equal', () => {
    expect(match('安定')).toEqual({ status: 'matched', drugId: 'W139', method: 'alias' });
  });

  test('matches a name written with its salt and dosage form', () => {
    expect(match('硫酸阿托品注射液')).toEqual({ status: 'matched', drugId: 'W240', method: 'stripped' });
    expect(match('注射用盐酸多巴胺')).toEqual({ status: 'matched', drugId: 'W198', method: 'stripped' });
    expect(match('注射用头孢呋辛钠')).toEqual({ status: 'matched', drugId: 'W012', method: 'stripped' });
    expect(match('连花清瘟颗粒')).toEqual({ status: 'matched', drugId: 'T037', method: 'stripped' });
  });

  test('stops at the form-stripped name before a salt-stripped one could find a second drug', () => {
    expect(match('氯化钾注射液')).toEqual({ status: 'matched', drugId: 'W430', method: 'stripped' });
    expect(match('硫酸镁注射液')).toEqual({ status: 'matched', drugId: 'W182', method: 'stripped' });
  });

  test('matches a homophone typo by pinyin', () => {
    expect(match('地西盼')).toEqual({ status: 'matched', drugId: 'W139', method: 'pinyin' });
  });

  test('reports several candidates instead of guessing', () => {
    // 巫灵胶囊 sounds like both 乌灵胶囊 and 五灵胶囊 (wulingjiaonang).
    expect(match('巫灵胶囊')).toEqual({ status: 'ambiguous', candidates: ['T102', 'T158'], method: 'pinyin' });
  });

  test('reports a name it cannot place as unmatched', () => {
    expect(match('示例未收录药')).toEqual({ status: 'unmatched' });
    expect(match('')).toEqual({ status: 'unmatched' });
  });
});

describe('withoutFormWords / withoutSaltWords', () => {
  test('strip one form word from each end and bracketed notes, never the whole name', () => {
    expect(withoutFormWords('注射用苄星青霉素')).toBe('苄星青霉素');
    expect(withoutFormWords('去甲肾上腺素注射液（重酒石酸盐）')).toBe('去甲肾上腺素');
    expect(withoutFormWords('丸')).toBe('丸');
  });

  test('keep at least two characters when removing a salt', () => {
    expect(withoutSaltWords('重酒石酸去甲肾上腺素注射液')).toBe('去甲肾上腺素');
    expect(withoutSaltWords('硫酸镁')).toBe('硫酸镁');
  });
});
