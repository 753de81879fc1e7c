import { describe, expect, test } from 'vitest';
import { formatImportProblems } from '../../../src/domain/imports/importProblem.ts';
import { readRecords } from '../../../src/domain/imports/readRecords.ts';
import { parseListRows, requiredListColumns } from '../../../src/domain/shortages/listImportRow.ts';

const parseCsv = (text: string) => {
  const read = readRecords(text, 'csv', requiredListColumns);
  return { read, parsed: parseListRows(read.records, read.unit) };
};

describe('parseListRows', () => {
  test('reads Chinese headers and turns blank cells into nulls', () => {
    const { parsed } = parseCsv('\uFEFF序号,通用名,剂型,规格,备注\r\n1,硫酸阿托品,注射液,1ml:0.5mg,\r\n2,地高辛,,,示例行\r\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { line: 2, rowNumber: 1, name: '硫酸阿托品', form: '注射液', spec: '1ml:0.5mg', note: null },
      { line: 3, rowNumber: 2, name: '地高辛', form: null, spec: null, note: '示例行' },
    ]);
  });

  test('reads English keys as the JSON export writes them', () => {
    const read = readRecords(JSON.stringify([{ row: 1, name: '地高辛', form: '片剂', spec: '0.25mg', note: null }]), 'json');
    expect(parseListRows(read.records, read.unit).rows).toEqual([{ line: 1, rowNumber: 1, name: '地高辛', form: '片剂', spec: '0.25mg', note: null }]);
  });

  test('names the line and column of each bad cell', () => {
    const { parsed, read } = parseCsv('序号,通用名,剂型\n1,,注射液\nx,地高辛,片剂\n');
    expect(parsed.rejected).toBe(2);
    expect(formatImportProblems(parsed.problems, read.unit)).toEqual([
      '第 2 行，字段 通用名：必填，不能为空',
      '第 3 行，字段 序号：应为正整数（收到 "x"）',
    ]);
  });

  test('refuses a file without a name column before reading any row', () => {
    const { read } = parseCsv('序号,剂型\n1,片剂\n');
    expect(read.problems[0]?.message).toMatch(/表头缺少必填列 通用名 或 name/);
  });

  test('warns about repeated 序号 and repeated rows but keeps both', () => {
    const { parsed } = parseCsv('序号,通用名,剂型\n1,地高辛,片剂\n1,地高辛,片剂\n');
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.problems.map((p) => [p.line, p.field, p.severity])).toEqual([
      [3, '序号', 'warning'],
      [3, '通用名', 'warning'],
    ]);
  });

  test('an empty table is an error of the whole file', () => {
    expect(parseCsv('通用名\n').parsed.problems).toMatchObject([{ line: 0, severity: 'error', message: '文件中没有数据行' }]);
  });
});
