import { describe, expect, test } from 'vitest';
import { normaliseStrength, unitPriceOf } from '../../../src/domain/prices/pack.ts';

describe('unitPriceOf', () => {
  test.each([
    ['盒(0.2g×24片)', 2400, 100, '片'],
    ['盒(0.3g×12粒)', 1200, 100, '粒'],
    ['盒(10袋)', 1500, 150, '袋'],
    ['盒(10ml×6支)', 1800, 300, '支'],
    ['瓶(100ml)', 1000, 10, 'ml'],
    ['支(20g)', 1000, 50, 'g'],
  ])('reads %s at %i fen as %d fen per %s', (pack, fen, each, unit) => {
    expect(unitPriceOf(fen, pack)).toMatchObject({ unitFen: each, unit });
  });

  test('makes a box of 12 and a box of 24 of one product compare', () => {
    const small = unitPriceOf(1200, '盒(0.3g×12粒)');
    const large = unitPriceOf(2400, '盒(0.3g×24粒)');
    expect(small?.comparableKey).toBe(large?.comparableKey);
    expect(small?.unitFen).toBe(large?.unitFen);
  });

  test('returns nothing for a pack it cannot read, or one that names only containers', () => {
    expect(unitPriceOf(1620, '盒')).toBeUndefined();
    expect(unitPriceOf(1620, '盒(大)')).toBeUndefined();
    expect(unitPriceOf(1620, '箱(20盒)')).toBeUndefined();
    expect(unitPriceOf(1620, null)).toBeUndefined();
  });

  test('keeps tablets and capsules of one strength apart (no unit mismatch compares)', () => {
    expect(unitPriceOf(2000, '盒(0.2g×20片)')?.comparableKey).not.toBe(unitPriceOf(2000, '盒(0.2g×20粒)')?.comparableKey);
  });

  test('takes the strength the facility states over the one in the pack, and the form into the key', () => {
    expect(unitPriceOf(2000, '盒(20粒)', { form: '胶囊剂', strength: '200mg' })).toMatchObject({ form: '胶囊', strength: '200mg', comparableKey: '胶囊|200mg|粒' });
  });
});

describe('normaliseStrength', () => {
  test('writes 0.25g and 250mg alike, and volumes in ml', () => {
    expect(normaliseStrength('0.25g')).toBe('250mg');
    expect(normaliseStrength('250 mg')).toBe('250mg');
    expect(normaliseStrength('500μg')).toBe('0.5mg');
    expect(normaliseStrength('10mL')).toBe('10ml');
  });
});
