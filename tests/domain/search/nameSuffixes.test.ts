import { describe, expect, test } from 'vitest';
import { nameSuffixes } from '../../../src/domain/search/nameSuffixes.ts';

describe('nameSuffixes', () => {
  test('lists every suffix of two characters or more, without the whole name', () => {
    expect(nameSuffixes('二甲双胍')).toEqual(['甲双胍', '双胍']);
    expect(nameSuffixes('缬沙坦')).toEqual(['沙坦']);
  });

  test('gives nothing for a two-character name', () => {
    expect(nameSuffixes('肝素')).toEqual([]);
  });

  test('indexes the TCM name without its forms, so that 胶囊 does not find every capsule', () => {
    expect(nameSuffixes('连花清瘟胶囊（颗粒）')).toEqual(['花清瘟', '清瘟']);
  });
});
