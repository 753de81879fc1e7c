import { describe, expect, test } from 'vitest';
import { describePrice, parsePack, unitPriceFen } from '../../../src/domain/prices/pack.ts';

describe('parsePack', () => {
  test.each([
    ['盒(0.2g×24片)', { container: '盒', count: 24, unit: '片' }],
    ['盒（20 粒）', { container: '盒', count: 20, unit: '粒' }],
    ['盒(10袋)', { container: '盒', count: 10, unit: '袋' }],
    ['盒(10ml×6支)', { container: '盒', count: 6, unit: '支' }],
    ['瓶(100ml)', { container: '瓶', count: 100, unit: 'ml' }],
    ['瓶（100mL）', { container: '瓶', count: 100, unit: 'ml' }],
    ['支(10g)', { container: '支', count: 10, unit: 'g' }],
    ['盒（０.３g×２０粒）', { container: '盒', count: 20, unit: '粒' }],
  ])('reads %s', (text, pack) => {
    expect(parsePack(text)).toEqual(pack);
  });

  test('reads a procurement spec when told what the price is per', () => {
    expect(parsePack('0.3g×20粒', '盒')).toEqual({ container: '盒', count: 20, unit: '粒' });
  });

  test.each(['盒', '盒(大)', '瓶(若干)', '', '0.3g'])('keeps %j unread rather than guessing', (text) => {
    expect(parsePack(text)).toBeUndefined();
  });
});

describe('unit price', () => {
  test('divides the pack price by its count', () => {
    expect(unitPriceFen(1620, { container: '盒', count: 20, unit: '粒' })).toBeCloseTo(81);
  });

  test('shows the pack and the unit price beside the pack price', () => {
    expect(describePrice(1620, '盒（20 粒）')).toBe('¥16.20/盒（20 粒，¥0.81/粒）');
    expect(describePrice(1580, '瓶(100ml)')).toBe('¥15.80/瓶（100 ml，¥0.16/ml）');
    // Cheap tablets keep a third decimal rather than all reading ¥0.01.
    expect(describePrice(500, '瓶(100片)')).toBe('¥5.00/瓶（100 片，¥0.050/片）');
  });

  test('an unreadable pack is shown as written, without a unit price', () => {
    expect(describePrice(1620, '盒')).toBe('¥16.20/盒');
    expect(describePrice(1620, null)).toBe('¥16.20');
  });
});
