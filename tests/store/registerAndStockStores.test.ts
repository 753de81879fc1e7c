import { afterEach, expect, test } from 'vitest';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import { countFacilities, facilityIds, loadFacilities, loadFacility, saveFacilities } from '../../src/server/store/facilityStore.ts';
import { loadRegions, saveRegions } from '../../src/server/store/regionStore.ts';
import { latestStockReportAt, saveStockReports, stockAtFacility, stockForDrugAt, stockStatusesByFacility } from '../../src/server/store/stockStore.ts';
import { jingdezhenRegions, testDrug, testFacility, testReport } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

describeStores('regionStore', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  test('saves the region tree, and saving it again changes nothing', async () => {
    t = await open();
    const regions = jingdezhenRegions();
    await saveRegions(t.store, regions);
    await saveRegions(t.store, regions);
    const loaded = await loadRegions(t.store);
    expect(loaded).toHaveLength(regions.length);
    expect(loaded[0]).toEqual([...regions].sort((a, b) => (a.code < b.code ? -1 : 1))[0]);
  });
});

describeStores('facilityStore', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  test('keeps coordinates exactly, flags as booleans and opening hours as given', async () => {
    t = await open();
    const hours = { days: [{ day: 1, open: '08:00', close: '17:30' }], allDay: false, note: '节假日休息' };
    await saveFacilities(t.store, [testFacility('JDZ-H-0001', { type: 'hospital', level: 'tertiary', openingHours: hours, insuranceDesignated: false })]);
    expect(await loadFacility(t.store, 'JDZ-H-0001')).toEqual(testFacility('JDZ-H-0001', { type: 'hospital', level: 'tertiary', openingHours: hours, insuranceDesignated: false }));
    expect(await loadFacility(t.store, 'missing')).toBeUndefined();
  });

  test('upserts a register and leaves facilities absent from it alone', async () => {
    t = await open();
    await saveFacilities(t.store, [testFacility('A-1'), testFacility('B-2')]);
    await saveFacilities(t.store, [testFacility('A-1', { name: '改名药房' })]);
    expect(await countFacilities(t.store)).toBe(2);
    expect(await facilityIds(t.store)).toEqual(['A-1', 'B-2']);
    expect((await loadFacilities(t.store, ['A-1']))[0]?.name).toBe('改名药房');
    expect(await loadFacilities(t.store, [])).toEqual([]);
  });

  test('keeps the credit code and licence number a register gives, and null where it gives none', async () => {
    t = await open();
    await saveFacilities(t.store, [testFacility('H-1', { creditCode: '123602004915202125', licenceNumber: 'PDY00001336020211A1002' }), testFacility('P-1', { creditCode: undefined, licenceNumber: undefined })]);
    expect(await loadFacility(t.store, 'H-1')).toMatchObject({ creditCode: '123602004915202125', licenceNumber: 'PDY00001336020211A1002' });
    expect(await loadFacility(t.store, 'P-1')).toMatchObject({ creditCode: null, licenceNumber: null });
  });
});

describeStores('stockStore', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());
  const withRegister = async () => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W078', '布洛芬'), testDrug('W006', '阿莫西林')]);
    await saveFacilities(t.store, [testFacility('F-1'), testFacility('F-2')]);
    return t.store;
  };

  test('never lets an older report overwrite a newer one, and counts only what it wrote', async () => {
    const store = await withRegister();
    expect(await saveStockReports(store, [testReport('F-1', 'W078', '2026-11-24T02:00:00.000Z', { status: 'low', quantity: 2 })], 'a')).toBe(1);
    expect(await saveStockReports(store, [testReport('F-1', 'W078', '2026-11-23T02:00:00.000Z', { status: 'out' })], 'b')).toBe(0);
    expect(await saveStockReports(store, [testReport('F-1', 'W078', '2026-11-25T02:00:00.000Z', { status: 'in_stock', priceFen: 990 })], 'c')).toBe(1);
    expect(await stockAtFacility(store, 'F-1')).toEqual([{ ...testReport('F-1', 'W078', '2026-11-25T02:00:00.000Z', { status: 'in_stock', priceFen: 990 }), source: 'c' }]);
  });

  test('keeps the newest of several reports for one pair in one batch', async () => {
    const store = await withRegister();
    const written = await saveStockReports(store, [
      testReport('F-1', 'W078', '2026-11-24T03:00:00.000Z', { status: 'low' }),
      testReport('F-1', 'W078', '2026-11-24T01:00:00.000Z', { status: 'out' }),
      testReport('F-2', 'W078', '2026-11-24T01:00:00.000Z'),
    ], 'a');
    expect(written).toBe(2);
    expect((await stockForDrugAt(store, 'W078', ['F-1', 'F-2'])).get('F-1')?.status).toBe('low');
  });

  test('writes a batch larger than one statement holds', async () => {
    const store = await withRegister();
    const many = Array.from({ length: 1201 }, (_, i) => `G-${i}`);
    await saveFacilities(store, many.map((id) => testFacility(id)));
    expect(await saveStockReports(store, many.map((id) => testReport(id, 'W006', '2026-11-24T01:00:00.000Z')), 'a')).toBe(1201);
    expect((await stockStatusesByFacility(store, many)).get('G-1200')).toEqual({ inStock: ['W006'], low: [], out: [] });
  });

  test('groups statuses per facility and tells the newest report time', async () => {
    const store = await withRegister();
    expect(await latestStockReportAt(store)).toBeNull();
    await saveStockReports(store, [
      testReport('F-1', 'W078', '2026-11-24T01:00:00.000Z'),
      testReport('F-1', 'W006', '2026-11-24T05:00:00.000Z', { status: 'out', quantity: 0 }),
    ], 'a');
    expect((await stockStatusesByFacility(store, ['F-1', 'F-2'])).get('F-1')).toEqual({ inStock: ['W078'], low: [], out: ['W006'] });
    expect(await latestStockReportAt(store)).toBe('2026-11-24T05:00:00.000Z');
  });
});
