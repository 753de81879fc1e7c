import { describe, expect, test } from 'vitest';
import { reportSignals } from '../../../src/domain/reports/reportSignals.ts';

describe('reportSignals', () => {
  const groups = [
    { drugId: 'W078', drugName: '布洛芬', countyCode: '360203', reports: 3 },
    { drugId: 'W078', drugName: '布洛芬', countyCode: '360222', reports: 2 },
    { drugId: 'W006', drugName: '鱼精蛋白', countyCode: '360222', reports: 1 },
    { drugId: null, drugName: '某自由填写药品', countyCode: '360203', reports: 1 },
  ];
  test('a drug and county at the threshold, and any report of a shortage-list drug, most reports first', () => {
    expect(reportSignals(groups, 3, new Set(['W006'])).map((s) => [s.drugName, s.countyCode, s.reason])).toEqual([
      ['布洛芬', '360203', 'threshold'],
      ['鱼精蛋白', '360222', 'shortage_list'],
    ]);
  });
  test('the threshold is configurable', () => {
    expect(reportSignals(groups, 2, new Set()).map((s) => s.countyCode)).toEqual(['360203', '360222']);
  });
});
