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

/**
 * A citizen's report written straight into the tables, with its own case: enough for the readers of reports
 * (disputes, the facility page) without the intake workflow's challenge, rate limits and tracking numbers.
 */
export async function insertCitizenReport(
  store: import('../../src/server/store/openStore.ts').Store,
  r: {
    facilityId: string;
    drugId: string;
    receivedAt: string;
    device?: string;
    problem?: import('../../src/domain/reports/problemKind.ts').ProblemKind;
    result?: 'confirmed' | 'not_confirmed' | 'unverifiable' | null;
    duplicateOf?: number | null;
  },
): Promise<number> {
  const c = await store
    .insertInto('report_cases')
    .values({
      case_key: `drug:${r.drugId}|facility:${r.facilityId}|${r.receivedAt}|${Math.random()}`, drug_id: r.drugId, drug_name: `药品${r.drugId}`,
      facility_id: r.facilityId, county_code: '360202', status: r.result ? 'verified' : 'received', level: 'county', deadline_at: r.receivedAt,
      result: r.result ?? null, action: null, public_reply: null, assigned_to: null, first_report_at: r.receivedAt, last_report_at: r.receivedAt,
      closed_at: null, updated_at: r.receivedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await store
    .insertInto('citizen_reports')
    .values({
      tracking_number: `T-${c.id}-${Math.random().toString(36).slice(2, 8)}`, check_code_hash: 'x', case_id: c.id, drug_id: r.drugId,
      drug_name: `药品${r.drugId}`, problem: r.problem ?? 'unavailable', facility_id: r.facilityId, county_code: '360202', place: null,
      seen_at: r.receivedAt, price_fen: null, price_pack: null, description: '私人描述', phone: '13812341234', contact_erased_at: null,
      device_hash: r.device ?? `device-${Math.random()}`, channel: 'form', duplicate_of: r.duplicateOf ?? null, received_at: r.receivedAt,
      updated_at: r.receivedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
