import { describe, expect, test } from 'vitest';
import { clarificationContent } from '../../../src/domain/clarifications/clarification.ts';
import { listImportRowSchema } from '../../../src/domain/shortages/listImportRow.ts';
import { stockImportRowSchema } from '../../../src/domain/stock/stockImportRow.ts';
import { cleanString, cleanText } from '../../../src/domain/text/cleanText.ts';
import { z } from 'zod';

describe('cleanText', () => {
  test('removes NUL, other control characters and format characters such as U+202E and the BOM', () => {
    expect(cleanText('\uFEFF布洛芬\u0000片\u202Egpj.exe\u200B')).toBe('布洛芬片gpj.exe');
  });

  test('removes tab and newline too in one-line fields, keeps them where text may span lines', () => {
    expect(cleanText('第一行\r\n第二行\t末')).toBe('第一行第二行末');
    expect(cleanText('第一行\r\n第二行\t末\u0007', { multiline: true })).toBe('第一行\n第二行\t末');
  });

  test('replaces lone surrogates left by broken encodings', () => {
    expect(cleanText('阿莫\uD800西林')).toBe('阿莫\uFFFD西林');
  });
});

describe('cleanString', () => {
  test('cleans before the inner schema checks length', () => {
    const title = cleanString(z.string().trim().min(2, '太短'));
    expect(title.safeParse('\u202E\u0000a').success).toBe(false);
    expect(title.parse(' 通报\u202E ')).toBe('通报');
  });
});

describe('imported and submitted text is cleaned at the boundary', () => {
  test('a shortage-list cell keeps neither NUL nor U+202E', () => {
    const row = listImportRowSchema.parse({ rowNumber: '1', name: '地高辛\u0000片\u202E', form: '片\u200F剂', spec: null, note: null });
    expect(row).toMatchObject({ name: '地高辛片', form: '片剂' });
  });

  test('a stock-import cell keeps neither NUL nor U+202E', () => {
    const schema = stockImportRowSchema({ facilityExists: (id) => id === 'F001', resolveDrug: (d) => (d === 'W078' ? d : undefined), now: new Date('2026-11-02T00:00:00Z') });
    const parsed = schema.parse({ facilityId: 'F\u0000001', drugId: 'W\u202E078', status: '有货', quantity: undefined, priceFen: undefined, priceUnit: '盒\u200B', reportedAt: '2026-11-01T08:00:00+08:00' });
    expect(parsed).toMatchObject({ facilityId: 'F001', drugId: 'W078', priceUnit: '盒' });
  });

  test('a clarification keeps line breaks in its explanation and drops hidden characters everywhere', () => {
    const parsed = clarificationContent.parse({
      title: '关于\u202E某药断货的澄清', claim: '网传\u0000某药全国断货', verdict: 'false', explanation: '经核实，\u200B供应正常。\n\n第二段说明。',
      sources: [{ title: '来源\u202E', url: 'https://example.org/a' }], issuer: '景德镇市卫健委', regionCode: '3602', relatedDrugIds: [], publishAt: null, slug: null,
    });
    expect(parsed).toMatchObject({ title: '关于某药断货的澄清', claim: '网传某药全国断货', explanation: '经核实，供应正常。\n\n第二段说明。', sources: [{ title: '来源' }] });
  });
});
