import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateDemoRegister } from '../../../src/domain/facilities/demoRegister.ts';
import { parsePack } from '../../../src/domain/prices/pack.ts';
import { parseDivisionsCsv, parseVillagesCsv } from '../../../src/domain/regions/regionTree.ts';
import { demoPacksFor, generateDemoStock } from '../../../src/domain/stock/demoStock.ts';
import { reportAge } from '../../../src/domain/stock/freshness.ts';
import { type StockReport, stockReport } from '../../../src/domain/stock/stockStatus.ts';

const read = (name: string) => readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8');
const facilities = generateDemoRegister({
  regions: parseDivisionsCsv(read('jingdezhen_divisions.csv')),
  villages: parseVillagesCsv(read('jingdezhen_villages.csv')),
});
// Shaped like the 2026 list: 476 西药 (W…) and 318 中成药 (T…).
const pad = (n: number) => String(n).padStart(3, '0');
const drugs = [
  ...Array.from({ length: 476 }, (_, i) => ({ id: `W${pad(i + 1)}`, kind: 'chemical' as const })),
  ...Array.from({ length: 318 }, (_, i) => ({ id: `T${pad(i + 1)}`, kind: 'tcm' as const })),
];
const commonDrugIds = new Set(['W001', 'W002', 'W010', 'W020', 'W030', 'W040', 'W050', 'W060', 'W070', 'W078', 'W100', 'W150', 'W200', 'T001', 'T010', 'T020']);
// Rarer drugs than the common ones, so that their rows come from the ordinary selection.
const scarceDrugIds = new Set(['W300', 'W301', 'W302', 'T200', 'T201']);
const now = new Date('2026-11-24T04:00:00Z');
const reports = generateDemoStock({ facilities, drugs, now, commonDrugIds, scarceDrugIds });

const share = (rows: StockReport[], keep: (r: StockReport) => boolean) => rows.filter(keep).length / rows.length;
const rowsOf = (type: string, level?: string) => {
  const ids = new Set(facilities.filter((f) => f.type === type && (!level || f.level === level)).map((f) => f.id));
  return reports.filter((r) => ids.has(r.facilityId));
};
const perFacility = (type: string, level?: string) =>
  rowsOf(type, level).length / facilities.filter((f) => f.type === type && (!level || f.level === level)).length;

describe('generateDemoStock', () => {
  test('returns tens of thousands of rows that all pass the stock report contract', () => {
    expect(reports.length).toBeGreaterThan(30_000);
    for (const r of reports) expect(stockReport.safeParse(r).success).toBe(true);
  });

  test('returns the same reports for the same input and seed', () => {
    expect(generateDemoStock({ facilities, drugs, now, commonDrugIds, scarceDrugIds })).toEqual(reports);
    expect(generateDemoStock({ facilities, drugs, now, commonDrugIds, scarceDrugIds, seed: 1 })).not.toEqual(reports);
  });

  test('returns the same stock for a facility whatever other facilities are generated with it', () => {
    const first = facilities[0];
    if (!first) throw new Error('no facilities');
    expect(generateDemoStock({ facilities: [first], drugs, now, commonDrugIds, scarceDrugIds })).toEqual(
      reports.filter((r) => r.facilityId === first.id),
    );
  });

  test('returns at most one row per facility and drug', () => {
    expect(new Set(reports.map((r) => `${r.facilityId}|${r.drugId}`)).size).toBe(reports.length);
  });

  test('returns bigger ranges for bigger facilities', () => {
    const n = drugs.length;
    expect(perFacility('hospital', 'tertiary') / n).toBeGreaterThan(0.6);
    expect(perFacility('hospital', 'tertiary') / n).toBeLessThan(0.8);
    expect(perFacility('hospital', 'secondary') / n).toBeCloseTo(0.4, 1);
    expect(perFacility('township_health_center') / n).toBeCloseTo(0.25, 1);
    expect(perFacility('retail_pharmacy') / n).toBeCloseTo(0.3, 1);
    expect(perFacility('village_clinic')).toBeGreaterThanOrEqual(40);
    expect(perFacility('village_clinic')).toBeLessThanOrEqual(80);
  });

  test('returns common drugs at nearly every village clinic and pharmacies leaning to 中成药', () => {
    const villageRows = rowsOf('village_clinic');
    const clinics = new Set(villageRows.map((r) => r.facilityId)).size;
    expect(villageRows.filter((r) => r.drugId === 'W078').length / clinics).toBeGreaterThan(0.8);
    const tcmShareOfList = 318 / drugs.length;
    expect(share(rowsOf('retail_pharmacy'), (r) => r.drugId.startsWith('T'))).toBeGreaterThan(tcmShareOfList + 0.1);
  });

  test('returns mostly 有货 with about 10 % 紧张 and 5 % 缺货', () => {
    const ordinary = reports.filter((r) => !scarceDrugIds.has(r.drugId));
    expect(share(ordinary, (r) => r.status === 'in_stock')).toBeCloseTo(0.85, 1);
    expect(share(ordinary, (r) => r.status === 'low')).toBeCloseTo(0.1, 1);
    expect(share(ordinary, (r) => r.status === 'out')).toBeCloseTo(0.05, 1);
  });

  test('returns scarce drugs mostly 紧张 or 缺货', () => {
    const scarce = reports.filter((r) => scarceDrugIds.has(r.drugId));
    expect(scarce.length).toBeGreaterThan(100);
    expect(share(scarce, (r) => r.status !== 'in_stock')).toBeGreaterThan(0.6);
  });

  test('returns about 10 % stale reports of 3–20 days and the rest within 48 hours', () => {
    const ages = reports.map((r) => reportAge(r.reportedAt, now));
    expect(ages.filter((a) => a.isStale).length / ages.length).toBeCloseTo(0.1, 1);
    for (const a of ages) {
      if (a.isStale) expect(a.hours).toBeLessThanOrEqual(20 * 24);
      else expect(a.hours).toBeLessThanOrEqual(48);
    }
    expect(reports.every((r) => new Date(r.reportedAt) <= now)).toBe(true);
  });

  test('returns prices on about 60 % of pharmacy rows and 30 % of hospital rows, in a plausible range', () => {
    expect(share(rowsOf('retail_pharmacy'), (r) => r.priceFen !== null)).toBeCloseTo(0.6, 1);
    expect(share(rowsOf('hospital'), (r) => r.priceFen !== null)).toBeCloseTo(0.3, 1);
    for (const r of reports) {
      expect(r.priceUnit === null).toBe(r.priceFen === null);
      if (r.priceFen !== null) {
        expect(r.priceFen).toBeGreaterThanOrEqual(300);
        expect(r.priceFen).toBeLessThanOrEqual(8000);
      }
    }
  });

  test('returns quantities only sometimes, and 0 whenever a quantity is given for 缺货', () => {
    expect(share(reports, (r) => r.quantity !== null)).toBeCloseTo(0.4, 1);
    for (const r of reports.filter((x) => x.status === 'out' && x.quantity !== null)) expect(r.quantity).toBe(0);
    for (const r of reports.filter((x) => x.status === 'in_stock' && x.quantity !== null)) expect(r.quantity).toBeGreaterThan(0);
  });
});

describe('demo packs', () => {
  test('price each form in its own pack, always with a readable count', () => {
    expect(demoPacksFor('chemical', '片剂：0.1g；胶囊：0.2g')).toContain('盒(24片)');
    expect(demoPacksFor('chemical', '胶囊：0.25g')).toEqual(expect.arrayContaining(['盒(20粒)']));
    expect(demoPacksFor('chemical', '注射液：2ml:0.1g')).not.toContain('盒(24片)');
    expect(demoPacksFor('tcm', '颗粒剂')).toContain('盒(10袋)');
    expect(demoPacksFor('chemical', '口服溶液剂')).toContain('瓶(100ml)');
    for (const forms of ['片剂', '胶囊', '注射液', '颗粒剂', '丸剂', '糖浆剂', '软膏剂', '贴剂', '气雾剂']) {
      for (const pack of demoPacksFor('chemical', forms)) expect(parsePack(pack)).toBeDefined();
    }
  });
});
