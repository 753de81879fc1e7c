import { describe, expect, test } from 'vitest';
import { stockStatusLabel } from '../../../src/domain/stock/stockLabels.ts';
import { stockStatus } from '../../../src/domain/stock/stockStatus.ts';

describe('stockStatusLabel', () => {
  test('returns 有货 / 紧张 / 缺货 for every status', () => {
    expect(stockStatus.options.map((s) => stockStatusLabel[s])).toEqual(['有货', '紧张', '缺货']);
  });
});
