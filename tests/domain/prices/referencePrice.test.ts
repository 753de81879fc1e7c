import { describe, expect, test } from 'vitest';
import { unitPriceOf } from '../../../src/domain/prices/pack.ts';
import { matchReference, type ReferencePrice, withUnitPrice } from '../../../src/domain/prices/referencePrice.ts';
import { parseReferenceRows } from '../../../src/domain/prices/referencePriceRow.ts';

const ref = (over: Partial<ReferencePrice>): ReferencePrice => ({
  kind: 'national_vbp', drugId: 'W078', regionCode: null, dosageForm: '胶囊', strength: '0.2g', pack: '盒(0.2g×20粒)', company: null,
  priceFen: 520, issuer: '示例', document: '示例清单', issuedOn: '2026-09-01', sourceUrl: null, isDemo: true, ...over,
});

describe('matchReference', () => {
  const refs = [ref({}), ref({ strength: '0.3g', pack: '盒(0.3g×20粒)', priceFen: 900 }), ref({ dosageForm: '片剂', pack: '盒(0.2g×24片)', priceFen: 480 })].map(withUnitPrice);

  test('matches by form and strength, unit price against unit price', () => {
    const price = unitPriceOf(1620, '盒(0.2g×24粒)', { form: '胶囊' });
    expect(matchReference(price as never, refs, '360202')?.priceFen).toBe(520);
    expect(matchReference(unitPriceOf(1000, '盒(0.2g×10片)') as never, refs, '360202')?.dosageForm).toBe('片剂');
  });

  test('finds nothing for another strength, an unknown strength or another unit', () => {
    expect(matchReference(unitPriceOf(1000, '盒(0.1g×20粒)') as never, refs, '360202')).toBeUndefined();
    expect(matchReference(unitPriceOf(1000, '盒(20粒)') as never, refs, '360202')).toBeUndefined();
    expect(matchReference(unitPriceOf(1000, '瓶(100ml)', { strength: '0.2g' }) as never, refs, '360202')).toBeUndefined();
  });

  test('prefers the province’s own result, and applies it only inside the province', () => {
    const both = [ref({}), ref({ kind: 'provincial_vbp', regionCode: '36', priceFen: 400 })].map(withUnitPrice);
    const price = unitPriceOf(1000, '盒(0.2g×20粒)');
    expect(matchReference(price as never, both, '360202')?.priceFen).toBe(400);
    expect(matchReference(price as never, both, '420102')?.priceFen).toBe(520);
  });
});

describe('parseReferenceRows', () => {
  const good = { kind: '国家集采', drug: '布洛芬', pack: '盒(0.2g×20粒)', price: '5.20', issuer: '国家医保局', document: '第十批', issued_on: '2026-03-01' };
  const resolve = (v: string) => (v === '布洛芬' ? 'W078' : undefined);

  test('names the line and field of each bad value', () => {
    const rows = [{ line: 2, values: good }, { line: 3, values: { ...good, pack: '盒', price: '-1' } }, { line: 4, values: { ...good, kind: '挂网价' } }];
    const parsed = parseReferenceRows(rows, resolve);
    expect(parsed.prices).toHaveLength(1);
    expect(parsed.rejected).toBe(2);
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([[3, 'pack'], [3, 'price'], [4, 'region']]);
  });
});
