import { expect, test } from 'vitest';
import { reportSourceLabel } from '../../../src/domain/stock/reportSource.ts';

test('names who stands behind a stock fact', () => {
  expect(reportSourceLabel('facility')).toBe('药店自报');
  expect(reportSourceLabel('facility:acct-12')).toBe('药店自报');
  expect(reportSourceLabel('import:jdz-2026-11-24.csv')).toBe('卫健部门导入');
  expect(reportSourceLabel('demo')).toBe('演示数据');
  expect(reportSourceLabel('something-new')).toBe('其他来源');
});
