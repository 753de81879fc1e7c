/**
 * `npm run bench:prices -- [--facilities 60000] [--varieties 300] [--weeks 52] [--store-facilities 1000]`
 *
 * Full path: every price signal over a province's year of weekly prices, computed by the same rules the portal
 * uses (domain/prices/priceSignals.ts), streamed variety by variety so only one variety's county prices are ever
 * in memory. Incremental path: a real SQLite store holding `--store-facilities` facilities × the varieties with
 * their history, then one import of one facility's prices through the portal's own price recording and signal
 * code (server/prices/priceWatch.ts), which reads only that facility's pairs, their counties and their cities.
 * Last line: { "facilities", "prices", "fullSeconds", "incrementalMs", "rssMB" }.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CountyMedian, frequencySignal, median, referenceGapSignal, regionalGapSignal, riseSignal } from '../src/domain/prices/priceSignals.ts';
import { defaultPriceSignalThresholds as t } from '../src/domain/prices/signalThresholds.ts';
import type { StockReport } from '../src/domain/stock/stockStatus.ts';
import { peakRssMB } from '../src/server/bench/processStats.ts';
import { priceRecordOf } from '../src/server/prices/priceRecording.ts';
import { recordPricesAndSignals } from '../src/server/prices/priceWatch.ts';
import { saveFacilities } from '../src/server/store/facilityStore.ts';
import { openSqliteStore } from '../src/server/store/openStore.ts';
import { appendPrices, countyUnitPrices } from '../src/server/store/priceHistoryStore.ts';
import { saveCountyMedian } from '../src/server/store/priceMedianStore.ts';
import { benchCounties, countyOfFacility, pairChanges, varietyBaseFen } from './support/priceProvince.ts';

const { values } = parseArgs({
  options: {
    facilities: { type: 'string', default: '60000' },
    varieties: { type: 'string', default: '300' },
    weeks: { type: 'string', default: '52' },
    'store-facilities': { type: 'string', default: '1000' },
  },
});
const facilities = Number(values.facilities);
const varieties = Number(values.varieties);
const weeks = Number(values.weeks);
const storeFacilities = Math.min(facilities, Number(values['store-facilities']));
const end = Date.UTC(2026, 11, 1);
const drugId = (v: number) => `B${String(v + 1).padStart(4, '0')}`;
const facilityId = (f: number) => `BF${String(f + 1).padStart(6, '0')}`;

// ---- full path ----
const startedFull = performance.now();
const found = { rise: 0, frequency: 0, reference_gap: 0, regional_gap: 0 };
let changes = 0;
for (let v = 0; v < varieties; v += 1) {
  const reference = { unitFen: varietyBaseFen(v) * 0.6, label: '集采中选价' };
  const byCounty = new Map<string, number[]>();
  for (let f = 0; f < facilities; f += 1) {
    const series = pairChanges(v, f, weeks, end);
    changes += series.length;
    // Each change is one import of that price: the rules look at the series as it stood then.
    for (let i = 1; i < series.length; i += 1) {
      const upTo = series.slice(0, i + 1);
      if (riseSignal(upTo, t)) found.rise += 1;
      if (frequencySignal(upTo, t)) found.frequency += 1;
    }
    const latest = series.at(-1)?.unitFen ?? 0;
    if (referenceGapSignal(latest, reference, t)) found.reference_gap += 1;
    const county = countyOfFacility(f);
    const list = byCounty.get(county) ?? [];
    list.push(latest);
    byCounty.set(county, list);
  }
  const medians: CountyMedian[] = [...byCounty].map(([countyCode, list]) => ({ countyCode, medianFen: median(list) ?? 0, facilities: list.length }));
  for (const county of medians) {
    const city = medians.filter((c) => c.countyCode.startsWith(county.countyCode.slice(0, 4)));
    if (regionalGapSignal(county, city, medians, t)) found.regional_gap += 1;
  }
}
const fullSeconds = (performance.now() - startedFull) / 1000;
console.error(`full: ${facilities} facilities × ${varieties} varieties × ${weeks} weeks, ${changes} price changes kept, signals ${JSON.stringify(found)}, ${fullSeconds.toFixed(1)} s`);

// ---- incremental path ----
const dir = mkdtempSync(join(tmpdir(), 'bench-prices-'));
const store = await openSqliteStore(join(dir, 'portal.sqlite'));
try {
  await saveFacilities(store, Array.from({ length: storeFacilities }, (_, f) => ({
    id: facilityId(f), name: `基准药房${f + 1}`, type: 'retail_pharmacy' as const, level: null, address: '基准路 1 号', countyCode: countyOfFacility(f),
    townshipCode: null, lat: 28.6, lng: 115.9, phone: null, openingHours: { days: [], allDay: false, note: null }, insuranceDesignated: true, isDemo: false,
  })));
  const seeded = performance.now();
  for (let f = 0; f < storeFacilities; f += 1) {
    const records = [];
    for (let v = 0; v < varieties; v += 1) {
      for (const p of pairChanges(v, f, weeks, end)) {
        const report: StockReport = { facilityId: facilityId(f), drugId: drugId(v), status: 'in_stock', quantity: null, priceFen: Math.round(p.unitFen * 20), priceUnit: '盒(0.1g×20片)', reportedAt: p.at };
        const record = priceRecordOf(report, countyOfFacility(f));
        if (record) records.push(record);
      }
    }
    await appendPrices(store, records, 'bench', new Date(end));
  }
  console.error(`store: ${storeFacilities} facilities × ${varieties} varieties with history in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  // County medians as they stand after the seed (not timed), so the import's regional comparison has peers.
  for (let v = 0; v < varieties; v += 1) {
    for (const county of benchCounties) {
      const prices = await countyUnitPrices(store, drugId(v), '|100mg|片', county);
      await saveCountyMedian(store, { drugId: drugId(v), comparableKey: '|100mg|片', countyCode: county, medianFen: median(prices), facilities: prices.length }, new Date(end));
    }
  }
  const target = 0;
  const oneImport: StockReport[] = Array.from({ length: varieties }, (_, v) => ({
    facilityId: facilityId(target), drugId: drugId(v), status: 'in_stock', quantity: null,
    priceFen: Math.round(varietyBaseFen(v) * 20 * 1.6), priceUnit: '盒(0.1g×20片)', reportedAt: new Date(end + 3_600_000).toISOString(),
  }));
  const portal = { store, config: { PRICE_SIGNAL_THRESHOLDS: t } };
  const startedIncremental = performance.now();
  const result = await recordPricesAndSignals(portal, oneImport, 'bench', new Date(end + 3_600_000));
  const incrementalMs = performance.now() - startedIncremental;
  console.error(`incremental: one facility × ${varieties} prices → ${result.pricesRecorded} recorded, ${result.signalsOpened} signals opened, ${incrementalMs.toFixed(0)} ms (counties in store: ${benchCounties.length})`);
  console.log(JSON.stringify({
    facilities, prices: facilities * varieties * weeks, fullSeconds: Math.round(fullSeconds * 10) / 10,
    incrementalMs: Math.round(incrementalMs), rssMB: Math.round(peakRssMB(process.pid) ?? 0),
  }));
} finally {
  await store.destroy();
  rmSync(dir, { recursive: true, force: true });
}
