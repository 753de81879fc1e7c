import type { APIContext } from 'astro';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { sameSitePath } from '../../src/domain/navigation/sameSitePath.ts';
import { readRecords } from '../../src/domain/imports/readRecords.ts';
import { searchRequest } from '../../src/domain/search/searchQuery.ts';
import { shortageFilter } from '../../src/domain/shortages/entryFilter.ts';
import { parseListRows } from '../../src/domain/shortages/listImportRow.ts';
import type { ListMeta } from '../../src/domain/shortages/listMeta.ts';
import { availabilityQuery } from '../../src/domain/stock/availabilityQuery.ts';
import { parseStockRows } from '../../src/domain/stock/stockImportRow.ts';
import { cleanText } from '../../src/domain/text/cleanText.ts';
import { POST as preferences } from '../../src/pages/preferences.ts';
import { loadCatalogueFromDataDir } from '../../src/server/catalogueFiles.ts';
import { clarificationApiQuery } from '../../src/server/clarifications/clarificationApi.ts';
import { validationError } from '../../src/server/http/apiResponse.ts';
import { noticeApiQuery } from '../../src/server/notices/noticeApi.ts';
import { decodeListFile, stageListImport } from '../../src/server/shortages/listImport.ts';
import type { StaffUser } from '../../src/server/staff/staffAuth.ts';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import type { Store } from '../../src/server/store/openStore.ts';
import { openTestStore, seedAccount, signedIn } from '../server/staff/staffFixtures.ts';

/** Strings an attacker or a broken export would send: control and bidi characters, SQL, HTML, huge numbers, BOMs. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "'; DROP TABLE drugs; --", '<script>alert(1)</script>', '\u202Egnp.exe', '\uFEFF布洛芬', '\u0000', '1e309', '-0', 'NaN',
    '99999999999999999999999', '\uD800', '阿莫西林\u200B', '../../etc/passwd', '%00', '∞', '１２', 'Ｗ078', '',
  ),
  fc.string({ maxLength: 1500 }).map((s) => s.repeat(2)),
);
const queryObject = fc.dictionary(fc.constantFrom('q', 'page', 'pageSize', 'limit', 'lat', 'lng', 'type', 'region', 'updatedSince', 'verdict', 'quarter', 'category', 'form', 'status', 'x'), hostileString, { maxKeys: 5 });
const han = /[\u4e00-\u9fff]/;

describe('API query schemas', () => {
  const schemas: [string, z.ZodType][] = [
    ['search', searchRequest], ['availability', availabilityQuery], ['clarifications', clarificationApiQuery],
    ['notices', noticeApiQuery], ['shortage entries', shortageFilter],
  ];
  test.each(schemas)('%s: any query gives data or a 400 in Chinese naming a field, never a throw', (_name, schema) => {
    fc.assert(
      fc.property(queryObject, (query) => {
        const parsed = schema.safeParse(query);
        if (parsed.success) return;
        const response = validationError(parsed.error);
        expect(response.status).toBe(400);
      }),
      { numRuns: 80 },
    );
  });

  test('every refusal message is Chinese', async () => {
    const samples = fc.sample(queryObject, 80);
    for (const [, schema] of schemas) {
      for (const query of samples) {
        const parsed = schema.safeParse(query);
        if (!parsed.success) expect(((await validationError(parsed.error).json()) as { error: { message: string } }).error.message).toMatch(han);
      }
    }
  });
});

describe('text cleaning and redirects', () => {
  test('cleanText leaves no control or format character and is idempotent', () => {
    fc.assert(
      fc.property(hostileString, fc.boolean(), (raw, multiline) => {
        const once = cleanText(raw, { multiline });
        expect(once).not.toMatch(multiline ? /[^\P{Cc}\t\n]|\p{Cf}/u : /[\p{Cc}\p{Cf}]/u);
        expect(cleanText(once, { multiline })).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  test('sameSitePath only ever returns a path on this site', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.webUrl(), hostileString.map((s) => `/${s}`)), (raw) => {
        const path = sameSitePath(raw);
        expect(new URL(path, 'http://portal.invalid').origin).toBe('http://portal.invalid');
        expect(path).toMatch(/^\/(?![/\\])/);
      }),
      { numRuns: 300 },
    );
  });

  test('POST /preferences answers any body with a redirect or a 4xx, never a 500', async () => {
    const contentType = fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=b', 'application/json', 'text/plain', '');
    await fc.assert(
      fc.asyncProperty(contentType, fc.uint8Array({ maxLength: 12_000 }), async (type, body) => {
        const request = new Request('http://127.0.0.1:4321/preferences', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });
        const context = { request, cookies: { set: () => undefined }, redirect: (l: string, s: number) => new Response(null, { status: s, headers: { location: l } }) };
        const response = await preferences(context as unknown as APIContext);
        expect([303, 400, 413, 415]).toContain(response.status);
      }),
      { numRuns: 100 },
    );
  });
});

describe('importers', () => {
  const csvFile = fc.array(fc.array(hostileString, { minLength: 1, maxLength: 6 }), { maxLength: 20 }).map((rows) =>
    ['序号,通用名,剂型,规格,备注', ...rows.map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n'),
  );
  const anyFile = fc.oneof(csvFile, hostileString, fc.uint8Array({ maxLength: 400 }).map((bytes) => decodeListFile(bytes)));

  test('stock rows: any record gives a report or a line-numbered problem', () => {
    const lookups = { facilityExists: (id: string) => id === 'F001', resolveDrug: (v: string) => (v === 'W078' ? v : undefined), now: new Date('2026-11-02T00:00:00Z') };
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('facility_code', 'drug_id', 'status', 'quantity', 'price', 'reported_at', 'x'), hostileString), { maxLength: 10 }), (values) => {
        const records = values.map((v, i) => ({ line: i + 2, values: v }));
        const parsed = parseStockRows(records, lookups);
        expect(parsed.reports.length + parsed.rejected).toBeLessThanOrEqual(records.length);
        for (const p of parsed.problems) expect(p.line).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 80 },
    );
  });

  test('shortage-list rows: any file gives rows or line-numbered problems', () => {
    fc.assert(
      fc.property(anyFile, (text) => {
        const read = readRecords(text, 'csv', [['通用名']]);
        const parsed = parseListRows(read.records);
        for (const p of [...read.problems, ...parsed.problems]) expect(p.line).toBeGreaterThanOrEqual(0);
        for (const row of parsed.rows) expect(row.name).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      }),
      { numRuns: 80 },
    );
  });

  describe('staging a list into the store', () => {
    let store: Store;
    let close: () => Promise<void>;
    let user: StaffUser;
    const meta: ListMeta = { title: '示例（属性测试）', kind: 'shortage', scope: 'provincial', regionCode: '36', issuer: '示例', docNumber: null, effectiveDate: '2024-01-01', sourceUrl: null, isDemo: true };
    const counts = async () => [
      (await store.selectFrom('shortage_list_imports').select('id').execute()).length,
      (await store.selectFrom('shortage_list_import_rows').select('id').execute()).length,
    ];
    beforeAll(async () => {
      ({ store, close } = await openTestStore());
      await saveCatalogue(store, loadCatalogueFromDataDir('data'));
      await seedAccount(store, 'jx.data', '36', ['data']);
      user = await signedIn(store, 'jx.data');
    }, 120_000);
    afterAll(async () => close?.());

    test('never writes part of a file: a refused file adds nothing, an accepted one adds every row', async () => {
      await fc.assert(
        fc.asyncProperty(anyFile, async (text) => {
          const [imports, rows] = await counts();
          const result = await stageListImport(store, user, { fileName: 'list.csv', text, meta, maxRows: 50 });
          const after = await counts();
          if (result.ok) expect(after).toEqual([(imports ?? 0) + 1, (rows ?? 0) + result.rows.length]);
          else {
            expect(after).toEqual([imports, rows]);
            expect(result.problems.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 40 },
      );
    });
  });
});
