import { describe, expect, test } from 'vitest';
import { formatImportProblem, formatImportProblems, problem, warning } from '../../../src/domain/imports/importProblem.ts';

describe('formatImportProblem', () => {
  test('names the line and the field as spelled in the file, Chinese first', () => {
    const p = problem(12, 'status', '应为 有货/紧张/缺货 或 in_stock/low/out（收到 "maybe"）');
    expect(formatImportProblem(p)).toBe('第 12 行，字段 status：应为 有货/紧张/缺货 或 in_stock/low/out（收到 "maybe"）');
  });

  test('counts JSON array items as 条', () => {
    expect(formatImportProblem(problem(3, 'facilityId', '必填，不能为空'), 'item')).toBe('第 3 条，字段 facilityId：必填，不能为空');
  });

  test('leaves the field out for whole-row problems and names the file for whole-file problems', () => {
    expect(formatImportProblem(problem(4, '', '引号没有闭合'))).toBe('第 4 行：引号没有闭合');
    expect(formatImportProblem(problem(0, '', '文件为空，没有表头行'))).toBe('文件：文件为空，没有表头行');
  });

  test('marks warnings', () => {
    expect(formatImportProblem(warning(7, 'drug', '重复'))).toBe('[提示] 第 7 行，字段 drug：重复');
  });
});

describe('formatImportProblems', () => {
  test('shows at most the limit and then how many more there are', () => {
    const many = Array.from({ length: 53 }, (_, i) => problem(i + 2, 'drug', '未知的药品'));
    const lines = formatImportProblems(many);
    expect(lines).toHaveLength(51);
    expect(lines[49]).toBe('第 51 行，字段 drug：未知的药品');
    expect(lines[50]).toBe('… 另有 3 条问题（and 3 more）');
  });

  test('adds no trailer when everything fits', () => {
    expect(formatImportProblems([problem(2, 'drug', 'x')], 'line', 50)).toEqual(['第 2 行，字段 drug：x']);
  });
});
