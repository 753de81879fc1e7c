import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DrugVariety } from '../../src/domain/drugs/drugVariety.ts';
import type { Facility } from '../../src/domain/facilities/facility.ts';
import { parseConfig } from '../../src/server/config.ts';
import { type ImportStockOptions, importStock } from '../../src/server/imports/stockImport.ts';
import type { Portal } from '../../src/server/portal.ts';
import { configureAvailabilityIndex, type FacilityDocument } from '../../src/server/search/availabilityIndex.ts';
import { type RunningMeilisearch, startEmbeddedMeilisearch } from '../../src/server/search/embeddedMeilisearch.ts';
import { connectSearch } from '../../src/server/search/meiliClient.ts';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../src/server/store/facilityStore.ts';
import { openSqliteStore } from '../../src/server/store/openStore.ts';
import { stockAtFacility } from '../../src/server/store/stockStore.ts';

const drug = (id: string, genericName: string): DrugVariety => ({
  id, emlNumber: null, kind: 'chemical', genericName, englishName: null, category: '测试', subcategory: null,
  therapeuticGroup: null, alsoListedIn: [], forms: [], formsText: '', specialistOnly: false, notes: null,
  isEssential: true, pinyinFull: '', pinyinInitials: '', aliases: [],
});
const facility = (id: string): Facility => ({
  id, name: `${id} 示例药房`, type: 'retail_pharmacy', level: null, address: '示例路 1 号', countyCode: '360202',
  townshipCode: null, lat: 29.3, lng: 117.2, phone: null, openingHours: { days: [], allDay: false, note: null },
  insuranceDesignated: true, isDemo: true,
});

const header = 'facility_code,drug,status,quantity,price,price_unit,reported_at';
const good = [
  'JDZ-P-0001,W078,有货,10,12.50,盒,2026-11-24 09:30',
  'JDZ-P-0001,阿莫西林,low,2,9.80,盒,2026-11-24T09:30:00+08:00',
  'JDZ-P-0002,W006,缺货,0,,,2026-11-24 10:00',
];
const bad = 'JDZ-P-0002,W078,maybe,,,,2026-11-24 10:00';
const csv = (...rows: string[]) => `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;

let dir: string;
let meili: RunningMeilisearch;
let portal: Portal;
const run = (text: string, options: Partial<ImportStockOptions> = {}) =>
  importStock(portal, { fileName: 'stock.csv', text, now: new Date('2026-11-25T12:00:00Z'), ...options });
const count = async (table: 'stock_reports' | 'import_runs') =>
  Number((await portal.store.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const indexed = (id: string) =>
  portal.search.client.index<FacilityDocument>(portal.search.indexName('availability')).getDocument(id);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'import-stock-'));
  meili = await startEmbeddedMeilisearch(dir);
  const store = await openSqliteStore(':memory:');
  const search = connectSearch(meili.url, meili.masterKey, 'test_import_');
  portal = { config: parseConfig({ DATA_DIR: dir }), store, search, close: async () => store.destroy() };
  await saveCatalogue(store, [drug('W078', '布洛芬'), drug('W006', '阿莫西林')]);
  await saveFacilities(store, [facility('JDZ-P-0001'), facility('JDZ-P-0002')]);
  await configureAvailabilityIndex(search);
});

afterAll(async () => {
  await portal?.close();
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('importStock', () => {
  test('imports nothing when one row is bad, and says where', async () => {
    const result = await run(csv(...good, bad));
    expect(result).toMatchObject({ rejected: true, imported: 0, rowsRead: 4, skipped: 1 });
    expect(result.problems).toMatchObject([{ line: 5, field: 'status', severity: 'error' }]);
    expect(await count('stock_reports')).toBe(0);
    expect(await count('import_runs')).toBe(0);
  });

  test('a dry run counts what would change and writes nothing', async () => {
    const result = await run(csv(...good, bad), { skipBad: true, dryRun: true });
    expect(result).toMatchObject({ rejected: false, dryRun: true, imported: 3, skipped: 1, runId: null });
    expect(await count('stock_reports')).toBe(0);
  });

  test('with skipBad stores the good rows, records the run and updates the facility documents', async () => {
    const result = await run(csv(...good, bad), { skipBad: true });
    expect(result).toMatchObject({ rejected: false, rowsRead: 4, imported: 3, skipped: 1, unchanged: 0, facilitiesReindexed: 2 });
    expect(result.indexError).toBeNull();
    const stock = await stockAtFacility(portal.store, 'JDZ-P-0001');
    expect(stock.find((r) => r.drugId === 'W078')).toMatchObject({ status: 'in_stock', quantity: 10, priceFen: 1250, reportedAt: '2026-11-24T01:30:00.000Z' });
    const runs = await portal.store.selectFrom('import_runs').selectAll().execute();
    expect(runs).toMatchObject([{ kind: 'stock', file_name: 'stock.csv', rows_total: 4, rows_imported: 3, rows_skipped: 1 }]);
    expect(runs[0]?.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await indexed('JDZ-P-0001')).toMatchObject({ inStock: ['W078'], low: ['W006'], out: [] });
    expect(await indexed('JDZ-P-0002')).toMatchObject({ inStock: [], low: [], out: ['W006'] });
  });

  test('importing the same file again writes nothing', async () => {
    const before = await stockAtFacility(portal.store, 'JDZ-P-0001');
    const result = await run(csv(...good, bad), { skipBad: true });
    expect(result).toMatchObject({ imported: 0, unchanged: 3, skipped: 1, facilitiesReindexed: 0 });
    expect(await stockAtFacility(portal.store, 'JDZ-P-0001')).toEqual(before);
  });

  test('an older report does not overwrite a newer one; a newer one does', async () => {
    const older = await run(csv('JDZ-P-0001,W078,缺货,0,,,2026-11-23 09:30'));
    expect(older).toMatchObject({ imported: 0, unchanged: 1 });
    expect((await stockAtFacility(portal.store, 'JDZ-P-0001')).find((r) => r.drugId === 'W078')?.status).toBe('in_stock');

    const newer = await run(JSON.stringify([{ facilityId: 'JDZ-P-0001', drug: 'W078', status: '缺货', reported_at: '2026-11-24 11:00' }]), {
      fileName: 'stock.json',
    });
    expect(newer).toMatchObject({ unit: 'item', imported: 1, unchanged: 0 });
    expect(await indexed('JDZ-P-0001')).toMatchObject({ inStock: [], low: ['W006'], out: ['W078'] });
  });

  test('a file whose header misses a column imports nothing even with skipBad', async () => {
    const result = await run('facility_code,status,reported_at\nJDZ-P-0001,有货,2026-11-24 12:00\n', { skipBad: true });
    expect(result.rejected).toBe(true);
    expect(result.problems[0]?.message).toContain('表头缺少必填列 drug');
  });

  test('reports progress for save and index', async () => {
    const phases: string[] = [];
    await run(csv('JDZ-P-0002,W078,紧张,1,,,2026-11-24 12:00'), { onProgress: (p) => phases.push(`${p.phase}:${p.done}/${p.total}`) });
    expect(phases).toEqual(['parse:1/1', 'compare:1/1', 'save:0/1', 'save:1/1', 'index:1/1']);
  });
});
