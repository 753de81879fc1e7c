import { readFileSync } from 'node:fs';
import type { DrugVariety } from '../../src/domain/drugs/drugVariety.ts';
import type { Facility } from '../../src/domain/facilities/facility.ts';
import { parseDivisionsCsv } from '../../src/domain/regions/regionTree.ts';
import type { StockReport } from '../../src/domain/stock/stockStatus.ts';

/** Small records for store tests: one drug, facility or report each, changed per test through `overrides`. */
export function testDrug(id: string, genericName: string, overrides: Partial<DrugVariety> = {}): DrugVariety {
  return {
    id, emlNumber: null, kind: 'chemical', genericName, englishName: null, category: '测试类', subcategory: null,
    therapeuticGroup: null, alsoListedIn: [], forms: [], formsText: '', specialistOnly: false, notes: null,
    isEssential: true, pinyinFull: '', pinyinInitials: '', aliases: [], ...overrides,
  };
}

export function testFacility(id: string, overrides: Partial<Facility> = {}): Facility {
  return {
    id, name: `${id} 示例药房`, type: 'retail_pharmacy', level: null, address: '示例路 1 号', countyCode: '360202',
    townshipCode: null, lat: 29.2934567, lng: 117.2071234, phone: null, openingHours: { days: [], allDay: false, note: null },
    insuranceDesignated: true, isDemo: true, creditCode: null, licenceNumber: null, ...overrides,
  };
}

export function testReport(facilityId: string, drugId: string, reportedAt: string, overrides: Partial<StockReport> = {}): StockReport {
  return { facilityId, drugId, status: 'in_stock', quantity: 10, priceFen: 1250, priceUnit: '盒', reportedAt, ...overrides };
}

/** The real 景德镇 region tree from data/. */
export function jingdezhenRegions() {
  return parseDivisionsCsv(readFileSync(new URL('../../data/jingdezhen_divisions.csv', import.meta.url), 'utf8'));
}
