import { describe, expect, test } from 'vitest';
import { containsHan, normaliseQuery, rankExactFirst, searchRequest } from '../../../src/domain/search/searchQuery.ts';

describe('normaliseQuery', () => {
  test('folds full-width letters and case from phone keyboards', () => {
    expect(normaliseQuery('ＢＬＦ')).toBe('blf');
  });
  test('turns punctuation pasted from prescriptions into single spaces', () => {
    expect(normaliseQuery('  布洛芬，缓释胶囊（0.3g） ')).toBe('布洛芬 缓释胶囊 0 3g');
  });
});

describe('containsHan', () => {
  test('is true for Chinese and false for pinyin', () => {
    expect(containsHan('阿莫西林')).toBe(true);
    expect(containsHan('amoxilin')).toBe(false);
  });
});

describe('searchRequest', () => {
  test('rejects an empty query with a Chinese message first', () => {
    const result = searchRequest.safeParse({ q: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^请输入药品名称/);
  });
  test('caps the page size at 50', () => {
    expect(searchRequest.safeParse({ q: 'a', limit: '500' }).success).toBe(false);
  });
});

describe('rankExactFirst', () => {
  const hit = (name: string, aliases: string[] = [], pinyinFull = '', pinyinInitials = '') => ({ name, aliases, pinyinFull, pinyinInitials });
  test('moves the exact generic name above longer names that contain it', () => {
    const ranked = rankExactFirst([hit('阿莫西林克拉维酸钾'), hit('阿莫西林')], '阿莫西林');
    expect(ranked.map((h) => h.name)).toEqual(['阿莫西林', '阿莫西林克拉维酸钾']);
  });
  test('puts an exact brand before a partial name match', () => {
    const ranked = rankExactFirst([hit('美林西林'), hit('布洛芬', ['美林'])], '美林');
    expect(ranked[0]?.name).toBe('布洛芬');
  });
  test('keeps the index order among equals', () => {
    const ranked = rankExactFirst([hit('头孢唑林'), hit('头孢拉定'), hit('头孢氨苄')], '头孢');
    expect(ranked.map((h) => h.name)).toEqual(['头孢唑林', '头孢拉定', '头孢氨苄']);
  });
});
