import { afterEach, expect, test } from 'vitest';
import { defaultPriceSignalThresholds } from '../../src/domain/prices/signalThresholds.ts';
import type { StockReport } from '../../src/domain/stock/stockStatus.ts';
import { recordPricesAndSignals } from '../../src/server/prices/priceWatch.ts';
import { importReferencePrices } from '../../src/server/prices/referenceImport.ts';
import { saveCatalogue } from '../../src/server/store/drugStore.ts';
import { saveFacilities } from '../../src/server/store/facilityStore.ts';
import { signalsIn } from '../../src/server/store/priceSignalStore.ts';
import { referencesFor } from '../../src/server/store/referencePriceStore.ts';
import { testDrug, testFacility, testReport } from '../support/storeFixtures.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const region = (code: string) => ({ from: code, before: `${code}:` });
const at = (day: number) => new Date(Date.UTC(2026, 9, 1) + day * 86_400_000).toISOString();
const price = (facilityId: string, day: number, priceFen: number, priceUnit = '盒(0.2g×24片)'): StockReport =>
  testReport(facilityId, 'W078', at(day), { priceFen, priceUnit });

describeStores('price watch', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());
  const watch = async (reports: StockReport[]) => {
    if (!t) throw new Error('no store');
    return recordPricesAndSignals({ store: t.store, config: { PRICE_SIGNAL_THRESHOLDS: defaultPriceSignalThresholds } }, reports, 'test', new Date(at(200)));
  };
  const setUp = async (facilities: { id: string; county: string }[]) => {
    t = await open();
    await saveCatalogue(t.store, [testDrug('W078', '布洛芬')]);
    await saveFacilities(t.store, facilities.map((f) => testFacility(f.id, { countyCode: f.county })));
    return t.store;
  };

  test('keeps every changed price, skips a re-sent one, and keeps an unreadable pack without a unit price', async () => {
    const store = await setUp([{ id: 'F-1', county: '360202' }]);
    await watch([price('F-1', 0, 1200)]);
    await watch([price('F-1', 0, 1200), price('F-1', 10, 1300)]);
    await watch([price('F-1', 20, 1300), price('F-1', 30, 1400, '盒(大)')]);
    const rows = await store.selectFrom('price_history').select(['price_fen', 'unit_fen', 'reported_at']).orderBy('reported_at').execute();
    expect(rows.map((r) => [r.price_fen, r.unit_fen === null ? null : Number(r.unit_fen)])).toEqual([[1200, 50], [1300, 1300 / 24], [1400, null]]);
    const current = await store.selectFrom('price_current').selectAll().execute();
    expect(current).toMatchObject([{ facility_id: 'F-1', price_fen: 1400, pack_text: '盒(大)', unit_fen: null }]);
  });

  test('a rise of 20 % opens a signal in its county only; 19 % and a unit change do not', async () => {
    const store = await setUp([{ id: 'F-1', county: '360202' }, { id: 'F-2', county: '360203' }, { id: 'F-3', county: '360202' }]);
    await watch([price('F-1', 0, 1200), price('F-2', 0, 1200), price('F-3', 0, 1200)]);
    const opened = await watch([price('F-1', 30, 1440), price('F-2', 30, 1428), price('F-3', 30, 1440, '盒(0.2g×24粒)')]);
    expect(opened.signalsOpened).toBe(1);
    const here = await signalsIn(store, region('360202'));
    expect(here.map((s) => [s.kind, s.facility_id, s.measure])).toEqual([['rise', 'F-1', 20]]);
    expect(await signalsIn(store, region('360203'))).toEqual([]);
    expect((await signalsIn(store, region('3602'))).length).toBe(1);
  });

  test('a price at twice the matching reference opens a reference signal; the same file twice is one version', async () => {
    const store = await setUp([{ id: 'F-1', county: '360202' }]);
    const file = 'kind,drug,dosage_form,strength,pack,price,issuer,document,issued_on\n国家集采,布洛芬,片剂,0.2g,盒(0.2g×24片),6.00,国家医保局,第十批,2026-03-01\n';
    const first = await importReferencePrices(store, { fileName: 'refs.csv', text: file, importedBy: 'test' });
    const again = await importReferencePrices(store, { fileName: 'refs.csv', text: file, importedBy: 'test' });
    expect([first.version, again.alreadyVersion]).toEqual([1, 1]);
    await watch([testReport('F-1', 'W078', at(0), { priceFen: 1200, priceUnit: '盒(0.2g×24片)', dosageForm: '片剂' })]);
    const [signal] = await signalsIn(store, region('360202'));
    expect(signal).toMatchObject({ kind: 'reference_gap', measure: 100 });
    const newer = await importReferencePrices(store, { fileName: 'refs2.csv', text: file.replace('6.00', '5.00'), importedBy: 'test' });
    expect(newer.version).toBe(2);
    expect((await referencesFor(store, ['W078'])).map((r) => r.priceFen)).toEqual([500]);
  });

  test('a county whose median is 30 % above its city’s opens a regional signal for that county', async () => {
    const counties = ['360202', '360203', '360222'];
    const facilities = counties.flatMap((county) => [1, 2, 3].map((n) => ({ id: `${county}-${n}`, county })));
    const store = await setUp(facilities);
    await watch(facilities.map((f) => price(f.id, 0, f.county === '360202' ? 1560 : 1200)));
    const signals = await signalsIn(store, region('3602'));
    expect(signals.map((s) => [s.kind, s.county_code, s.measure])).toEqual([['regional_gap', '360202', 30]]);
  });
});
