import { describe, expect, test } from 'vitest';
import { drugNameCore, drugNameWithoutForm } from '../../../src/domain/search/drugNameCore.ts';

describe('drugNameCore', () => {
  test.each([
    ['盐酸二甲双胍', '二甲双胍'],
    ['盐酸二甲双胍缓释片', '二甲双胍'],
    ['硫酸氢氯吡格雷片', '氯吡格雷'],
    ['苯磺酸氨氯地平片', '氨氯地平'],
    ['马来酸依那普利片', '依那普利'],
    ['阿托伐他汀钙片', '阿托伐他汀'],
    ['布洛芬混悬液', '布洛芬'],
    ['硝苯地平控释片', '硝苯地平'],
    ['阿司匹林肠溶片', '阿司匹林'],
    ['注射用头孢曲松钠', '头孢曲松'],
    ['布洛芬缓释胶囊（0.3g）', '布洛芬'],
    ['布洛芬缓释胶囊 0.3g', '布洛芬'],
    ['达比加群酯胶囊', '达比加群'],
  ])('strips salt, ester, form and strength: %s → %s', (name, core) => {
    expect(drugNameCore(name)).toBe(core);
  });

  test('keeps the digits that belong to the name (维生素B12, 碳酸钙D3)', () => {
    expect(drugNameCore('维生素B12注射液')).toBe('维生素B12');
    expect(drugNameCore('碳酸钙D3片')).toBe('碳酸钙D3');
  });

  test('never strips a name below two characters (硫酸镁 stays whole)', () => {
    expect(drugNameCore('硫酸镁')).toBe('硫酸镁');
    expect(drugNameCore('胶囊')).toBe('胶囊');
  });

  test('leaves a bare generic name alone', () => {
    expect(drugNameCore('布洛芬')).toBe('布洛芬');
  });
});

describe('drugNameWithoutForm', () => {
  test('removes the form but keeps a salt that is part of the name', () => {
    expect(drugNameWithoutForm('氯化钾缓释片')).toBe('氯化钾');
    expect(drugNameWithoutForm('左甲状腺素钠片')).toBe('左甲状腺素钠');
  });
});

describe('drugNameCore on names that are salts', () => {
  test.each(['氯化钾', '碳酸氢钠', '葡萄糖酸钙'])('keeps %s whole', (name) => {
    expect(drugNameCore(name)).toBe(name);
  });
});
