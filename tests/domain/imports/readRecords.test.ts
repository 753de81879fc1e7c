import { describe, expect, test } from 'vitest';
import { formatFromFileName, readRecords } from '../../../src/domain/imports/readRecords.ts';
import { requiredStockColumns } from '../../../src/domain/stock/stockImportRow.ts';

const header = 'facility_code,drug,status,reported_at';

describe('readRecords: CSV', () => {
  test('strips the UTF-8 BOM that Excel writes, so the first column keeps its name', () => {
    const read = readRecords(`\uFEFF${header}\r\nJDZ-H-0001,W078,有货,2026-11-24 09:30\r\n`, 'csv', requiredStockColumns);
    expect(read.problems).toEqual([]);
    expect(read.records).toEqual([
      { line: 2, values: { facility_code: 'JDZ-H-0001', drug: 'W078', status: '有货', reported_at: '2026-11-24 09:30' } },
    ]);
  });

  test('keeps physical line numbers across blank lines, comma-only rows and quoted multi-line cells', () => {
    const text = `${header}\r\nA,W078,有货,t\r\n\r\n,,,\r\nB,"W0\r\n78",low,t\r\nC,W078,out,t\r\n`;
    expect(readRecords(text, 'csv', requiredStockColumns).records.map((r) => r.line)).toEqual([2, 5, 7]);
  });

  test('reports a row that cannot be read at its line and keeps reading', () => {
    const read = readRecords(`${header}\nA,W078,有货,t,extra\nB,W078,有货,t\n`, 'csv', requiredStockColumns);
    expect(read.records.map((r) => r.line)).toEqual([3]);
    expect(read.unreadable).toBe(1);
    expect(read.problems[0]).toMatchObject({ line: 2, field: '', severity: 'error' });
    expect(read.problems[0]?.message).toContain('列数与表头不一致');
  });

  test('says which required column the header misses and which it has', () => {
    const read = readRecords('facility_code,status,reported_at\nA,有货,t\n', 'csv', requiredStockColumns);
    expect(read.records).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.line).toBe(1);
    expect(read.problems[0]?.message).toBe('表头缺少必填列 drug（现有列：facility_code, status, reported_at）');
  });

  test('accepts the alternative spelling facilityId and names both when neither is there', () => {
    expect(readRecords('facilityId,drug,status,reported_at\n', 'csv', requiredStockColumns).problems).toEqual([]);
    const read = readRecords('drug,status,reported_at\n', 'csv', requiredStockColumns);
    expect(read.problems[0]?.message).toContain('facility_code 或 facilityId');
  });

  test('treats an empty file as a whole-file problem', () => {
    expect(readRecords('', 'csv', requiredStockColumns).problems[0]).toMatchObject({ line: 0, message: '文件为空，没有表头行' });
  });
});

describe('readRecords: JSON', () => {
  test('reads an array or { reports: [...] } and numbers items from 1', () => {
    const item = { facilityId: 'A', drug: 'W078' };
    for (const text of [JSON.stringify([item, item]), `\uFEFF${JSON.stringify({ reports: [item, item] })}`]) {
      const read = readRecords(text, 'json');
      expect(read.unit).toBe('item');
      expect(read.records.map((r) => r.line)).toEqual([1, 2]);
    }
  });

  test('reports non-objects per item and broken JSON for the whole file', () => {
    const read = readRecords('[{"a":1}, 3]', 'json');
    expect(read.problems).toEqual([{ line: 2, field: '', message: '应为一个对象 {…}', severity: 'error' }]);
    expect(readRecords('{"reports": [', 'json').problems[0]?.message).toContain('不是有效的 JSON');
    expect(readRecords('{"rows": []}', 'json').problems[0]?.message).toBe('应为对象数组，或 { "reports": [...] }');
  });

  test('reads JSON Lines by physical line, skipping blank lines', () => {
    const read = readRecords('{"a":1}\n\n{"a":2}\nnot json\n', 'jsonl');
    expect(read.records.map((r) => r.line)).toEqual([1, 3]);
    expect(read.problems.map((p) => p.line)).toEqual([4]);
  });
});

describe('formatFromFileName', () => {
  test('goes by the extension and sniffs the text otherwise', () => {
    expect(formatFromFileName('stock.CSV', '[')).toBe('csv');
    expect(formatFromFileName('stock.json', '')).toBe('json');
    expect(formatFromFileName('stock.ndjson', '')).toBe('jsonl');
    expect(formatFromFileName('stock', '\uFEFF [{}]')).toBe('json');
    expect(formatFromFileName('stock', '{"a":1}\n{"a":2}\n')).toBe('jsonl');
    expect(formatFromFileName('stock', 'facility_code,drug')).toBe('csv');
  });
});
