import { describe, expect, test } from 'vitest';
import { formatImportProblem } from '../../../src/domain/imports/importProblem.ts';
import type { SourceRecord } from '../../../src/domain/imports/readRecords.ts';
import { parseStockRows, type StockRowLookups } from '../../../src/domain/stock/stockImportRow.ts';

const now = new Date('2026-11-25T12:00:00Z'); // 20:00 in Shanghai
const lookups: StockRowLookups = {
  facilityExists: (id) => id === 'JDZ-H-0001' || id === 'JDZ-P-0002',
  resolveDrug: (v) => ({ W078: 'W078', 布洛芬: 'W078', W006: 'W006' })[v],
  now,
};
const base = { facility_code: 'JDZ-H-0001', drug: 'W078', status: '有货', reported_at: '2026-11-24 09:30' };
const row = (values: Record<string, unknown>, line = 2): SourceRecord => ({ line, values: { ...base, ...values } });
const one = (values: Record<string, unknown>) => parseStockRows([row(values)], lookups);
const messages = (values: Record<string, unknown>) => one(values).problems.map((p) => formatImportProblem(p));

describe('parseStockRows', () => {
  test('turns a good row into a report with UTC time and nulls for the optional columns', () => {
    expect(one({}).reports).toEqual([
      { facilityId: 'JDZ-H-0001', drugId: 'W078', status: 'in_stock', quantity: null, priceFen: null, priceUnit: null, reportedAt: '2026-11-24T01:30:00.000Z' },
    ]);
  });

  test('accepts Chinese and English status values', () => {
    const statuses = ['有货', '紧张', '缺货', 'in_stock', 'low', 'out', 'LOW'].map((status) => one({ status }).reports[0]?.status);
    expect(statuses).toEqual(['in_stock', 'low', 'out', 'in_stock', 'low', 'out', 'low']);
  });

  test('names the line and field of a bad status', () => {
    expect(parseStockRows([row({ status: 'maybe' }, 12)], lookups).problems.map((p) => formatImportProblem(p))).toEqual([
      '第 12 行，字段 status：应为 有货/紧张/缺货 或 in_stock/low/out（收到 "maybe"）',
    ]);
  });

  test('stores the price in fen without float error and checks its range', () => {
    expect(one({ price: '19.99' }).reports[0]?.priceFen).toBe(1999);
    expect(one({ price: '12.5' }).reports[0]?.priceFen).toBe(1250);
    expect(one({ price: 0.1 }).reports[0]?.priceFen).toBe(10);
    expect(one({ price: '100000' }).reports[0]?.priceFen).toBe(10_000_000);
    expect(messages({ price: '-1' })).toEqual(['第 2 行，字段 price：不能为负数（收到 "-1"）']);
    expect(messages({ price: '100000.01' })).toEqual(['第 2 行，字段 price：不能超过 100000 元（收到 "100000.01"）']);
    expect(messages({ price: '1.234' })[0]).toContain('最多两位小数');
    expect(messages({ price: '十元' })[0]).toContain('应为以元为单位的金额');
  });

  test('takes quantity as a non-negative integer, blank as unknown', () => {
    expect(one({ quantity: '12' }).reports[0]?.quantity).toBe(12);
    expect(one({ quantity: 0 }).reports[0]?.quantity).toBe(0);
    expect(one({ quantity: '' }).reports[0]?.quantity).toBeNull();
    expect(messages({ quantity: '-3' })).toEqual(['第 2 行，字段 quantity：应为不小于 0 的整数（收到 "-3"）']);
    expect(messages({ quantity: 1.5 })).toEqual(['第 2 行，字段 quantity：应为不小于 0 的整数（收到 "1.5"）']);
  });

  test('reads times without an offset as Shanghai time and keeps explicit offsets', () => {
    const at = (reported_at: string) => one({ reported_at }).reports[0]?.reportedAt;
    expect(at('2026-11-24 09:30')).toBe('2026-11-24T01:30:00.000Z');
    expect(at('2026/11/24 9:30')).toBe('2026-11-24T01:30:00.000Z');
    expect(at('2026-11-24T09:30:15+08:00')).toBe('2026-11-24T01:30:15.000Z');
    expect(at('2026-11-24T01:30:00Z')).toBe('2026-11-24T01:30:00.000Z');
    expect(at('2026-11-23T20:30:00-0500')).toBe('2026-11-24T01:30:00.000Z');
    expect(at('2026-11-25 00:30')).toBe('2026-11-24T16:30:00.000Z');
  });

  test('rejects future, pre-2000, impossible and date-only times', () => {
    expect(one({ reported_at: '2026-11-25 20:09' }).problems).toEqual([]);
    expect(messages({ reported_at: '2026-11-25 20:11' })[0]).toContain('时间在未来');
    expect(messages({ reported_at: '1999-12-31 23:59' })[0]).toContain('早于 2000 年');
    expect(one({ reported_at: '2000-01-01 00:00' }).problems).toEqual([]);
    expect(messages({ reported_at: '2026-02-30 10:00' })[0]).toContain('日期或时刻不存在');
    expect(messages({ reported_at: '2026-11-24' })).toEqual([
      '第 2 行，字段 reported_at：应为 2026-11-24 09:30（北京时间）或带时区的 ISO 8601 时间，如 2026-11-24T09:30:00+08:00（收到 "2026-11-24"）',
    ]);
  });

  test('reports unknown facilities and drugs on their own field, with the spelling used in the file', () => {
    expect(parseStockRows([{ line: 3, values: { ...base, facility_code: undefined, facilityId: 'JDZ-X-9999', drug: '布洛芬片' } }], { ...lookups, unit: 'item' })
      .problems.map((p) => formatImportProblem(p, 'item'))).toEqual([
      '第 3 条，字段 facilityId：未知的机构编码 "JDZ-X-9999"（机构须先在机构名录中登记）',
      '第 3 条，字段 drug：未知的药品 "布洛芬片"：应为药品编码（如 W078）或目录中的通用名（如 布洛芬）',
    ]);
  });

  test('resolves a generic name to its drug id and reports missing required fields', () => {
    expect(one({ drug: '布洛芬' }).reports[0]?.drugId).toBe('W078');
    const result = parseStockRows([{ line: 5, values: { drug: 'W078' } }], lookups);
    expect(result.rejected).toBe(1);
    expect(result.problems.map((p) => `${p.field}:${p.message}`)).toEqual([
      'facility_code:必填，不能为空', 'status:必填，不能为空', 'reported_at:必填，不能为空',
    ]);
  });

  test('keeps the newer of two rows for one facility and drug and warns about the duplicate', () => {
    const later = parseStockRows([row({ status: '有货' }, 2), row({ status: '缺货', reported_at: '2026-11-24 10:00' }, 3)], lookups);
    expect(later.reports.map((r) => r.status)).toEqual(['out']);
    expect(later.problems).toEqual([
      { line: 3, field: 'drug', severity: 'warning', message: '与第 2 行是同一机构的同一药品，本行时间较新，采用本行' },
    ]);
    const older = parseStockRows([row({ status: '有货' }, 2), row({ status: '缺货', reported_at: '2026-11-24 09:30' }, 3)], lookups);
    expect(older.reports.map((r) => r.status)).toEqual(['in_stock']);
    expect(older.problems[0]?.message).toContain('本行时间不比它新，已忽略本行');
    expect(older.rejected).toBe(0);
  });

  test('reports progress every 5,000 rows', () => {
    const calls: number[] = [];
    const records = Array.from({ length: 12_000 }, (_, i) => row({ drug: i % 2 ? 'W078' : 'W006' }, i + 2));
    parseStockRows(records, { ...lookups, onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([5000, 10_000, 12_000]);
  });
});
