import { describe, expect, test } from 'vitest';
import { checksumList } from '../../../src/domain/openData/checksums.ts';
import { dataPackage } from '../../../src/domain/openData/dataPackage.ts';
import { cellsOf, headerOf, ndjsonLine, snapshotTables, stockTable } from '../../../src/domain/openData/snapshotFields.ts';
import { cityOf, provinceOf, shortRegionCode, snapshotRegionCode } from '../../../src/domain/openData/snapshotRegions.ts';
import { csvCell, csvRow } from '../../../src/domain/text/csvCells.ts';

const report = { facilityId: 'F-1', drugId: 'W078', status: 'low' as const, quantity: null, priceFen: 1620, priceUnit: '盒(0.2g×24片)', reportedAt: '2026-12-01T02:00:00.000Z', source: '=cmd|calc' };

describe('csvCell', () => {
  test('guards text a spreadsheet would run as a formula, quotes separators, and leaves numbers alone', () => {
    expect(csvCell('=cmd|calc')).toBe("'=cmd|calc");
    expect(csvCell('-阿司匹林')).toBe("'-阿司匹林");
    expect(csvCell('@x, "y"')).toBe(`"'@x, ""y"""`);
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });
});

describe('snapshot tables', () => {
  test('keep the published stock column order', () => {
    expect(headerOf(stockTable)).toEqual(['facility_id', 'drug_id', 'status', 'quantity', 'price_fen', 'price_unit', 'reported_at', 'source']);
  });

  test('write the same record as a CSV row and an NDJSON line, empty cells as null', () => {
    expect(csvRow(cellsOf(stockTable, report))).toBe("F-1,W078,low,,1620,盒(0.2g×24片),2026-12-01T02:00:00.000Z,'=cmd|calc\r\n");
    expect(JSON.parse(ndjsonLine(stockTable, report))).toEqual({
      facility_id: 'F-1', drug_id: 'W078', status: 'low', quantity: null, price_fen: 1620, price_unit: '盒(0.2g×24片)', reported_at: '2026-12-01T02:00:00.000Z', source: '=cmd|calc',
    });
  });
});

describe('dataPackage', () => {
  test('describes each table as CSV and NDJSON with its schema, size and hash', () => {
    const files = new Map([['stock.csv.gz', { name: 'stock.csv.gz', bytes: 10, sha256: 'ab' }]]);
    const descriptor = dataPackage({ regionCode: '360200', regionName: '景德镇市', builtAt: '2026-12-01T00:00:00.000Z', stockCursor: 'c', tables: snapshotTables as never, files });
    expect(descriptor.resources.map((r) => r.name)).toEqual(['facilities-csv', 'facilities-ndjson', 'catalogue-csv', 'catalogue-ndjson', 'stock-csv', 'stock-ndjson']);
    const stock = descriptor.resources[4];
    expect([stock?.path, stock?.bytes, stock?.hash, stock?.compression]).toEqual(['stock.csv.gz', 10, 'sha256:ab', 'gz']);
    expect(stock?.schema.primaryKey).toEqual(['facility_id', 'drug_id']);
    expect(stock?.schema.fields.find((f) => f.name === 'status')?.constraints).toEqual({ required: true, enum: ['in_stock', 'low', 'out'] });
    expect(stock?.schema.fields.find((f) => f.name === 'reported_at')?.type).toBe('datetime');
  });

  test('checksum lines are what sha256sum -c reads', () => {
    expect(checksumList([{ name: 'a.gz', sha256: 'ff' }])).toBe('ff  a.gz\n');
  });
});

describe('snapshot regions', () => {
  test('name directories by the six-digit national form and map back to short codes', () => {
    expect([provinceOf('360203'), cityOf('360203')]).toEqual(['360000', '360200']);
    expect([shortRegionCode('360000'), shortRegionCode('360200')]).toEqual(['36', '3602']);
    expect(['360000', '360200'].every((c) => snapshotRegionCode.test(c))).toBe(true);
    expect(['360203', '36', '..', '3602000'].some((c) => snapshotRegionCode.test(c))).toBe(false);
  });
});
