import type { Facility } from '../../domain/facilities/facility.ts';
import { type FacilityClosure, isClosedAt } from '../../domain/facilities/facilityClosure.ts';
import { describePrice } from '../../domain/prices/pack.ts';
import { problemKindLabels } from '../../domain/reports/problemKind.ts';
import { caseStatusLabels } from '../../domain/reports/caseStatus.ts';
import { byStanding, type FactStanding } from '../../domain/stock/availabilityRanking.ts';
import { reportSourceLabel } from '../../domain/stock/reportSource.ts';
import type { StockStatus } from '../../domain/stock/stockStatus.ts';
import type { Portal } from '../portal.ts';
import { searchDrugs } from '../search/drugIndex.ts';
import { drugNames } from '../store/drugStore.ts';
import { closuresFor } from '../store/facilityClosureStore.ts';
import { loadFacility } from '../store/facilityStore.ts';
import { recentReportsAtFacility } from '../store/stockDisputeStore.ts';
import { stockAtFacility } from '../store/stockStore.ts';
import { stockFactJudge } from './availabilityFacts.ts';

export interface FacilityStockRow {
  drugId: string;
  drugName: string;
  status: StockStatus;
  reportedAt: string;
  reportAgeLabel: string;
  isStale: boolean;
  /** 有群众反映缺货 since this report (domain/stock/stockDispute.ts). */
  disputed: boolean;
  standing: FactStanding;
  /** 药店自报 / 卫健部门导入 / 演示数据 */
  sourceLabel: string;
  price?: number;
  priceUnit?: string;
  /** "¥16.20/盒（20 粒，¥0.81/粒）" */
  priceLabel?: string;
}

export interface FacilityDetail {
  facility: Facility;
  stock: FacilityStockRow[];
  stockTotal: number;
  /** Set once staff marked the facility closed and the day has come: the page stays, with a notice. */
  closure: FacilityClosure | null;
  /** The last few citizen reports per drug: drug, problem, date and case status only, never who sent them. */
  citizenReports: FacilityReportLine[];
}

export interface FacilityReportLine {
  drugId: string | null;
  drugName: string;
  problemLabel: string;
  receivedAt: string;
  statusLabel: string;
}

/** Reports shown per drug and in all (the newest), so the stock below stays within reach; how many are read. */
const reportsPerDrug = 3;
const reportsShown = 10;
const reportsRead = 60;

/**
 * A facility and what it reports. Searching within reuses the drug search (pinyin, brands, typos) and keeps
 * the facility's rows for the drugs found.
 */
export async function facilityDetail(portal: Portal, id: string, q: string | undefined, now = new Date()): Promise<FacilityDetail | undefined> {
  const facility = await loadFacility(portal.store, id);
  if (!facility) return undefined;
  const reports = await stockAtFacility(portal.store, id);
  let wanted: Set<string> | null = null;
  if (q) wanted = new Set((await searchDrugs(portal.search, q, 50)).map((h) => h.id));
  const selected = wanted ? reports.filter((r) => wanted.has(r.drugId)) : reports;
  const names = await drugNames(portal.store, selected.map((r) => r.drugId));
  const judge = await stockFactJudge(portal, { facilityIds: [id], drugIds: selected.map((r) => r.drugId) }, now);
  const stock = selected
    .map((r) => ({ r, fact: judge(r) }))
    // A month-old report says nothing about today's shelf (domain/stock/freshness.ts).
    .filter(({ fact }) => !fact.age.isExpired)
    .map(({ r, fact }) => {
      return {
        drugId: r.drugId,
        drugName: names.get(r.drugId) ?? r.drugId,
        status: r.status,
        reportedAt: r.reportedAt,
        reportAgeLabel: fact.age.label,
        isStale: fact.isStale,
        disputed: fact.disputed,
        standing: fact.standing,
        sourceLabel: reportSourceLabel(r.source),
        ...(r.priceFen !== null ? { price: r.priceFen / 100, priceLabel: describePrice(r.priceFen, r.priceUnit) } : {}),
        ...(r.priceFen !== null && r.priceUnit ? { priceUnit: r.priceUnit } : {}),
      };
    })
    // Stale and disputed facts follow the usable ones, as on the drug page.
    .sort((a, b) => byStanding(a, b) || a.drugName.localeCompare(b.drugName, 'zh-Hans-CN'));
  const closure = (await closuresFor(portal.store, [id])).get(id);
  const citizenReports = await citizenReportLines(portal, id);
  return { facility, stock, stockTotal: reports.length, closure: closure && isClosedAt(closure, now) ? closure : null, citizenReports };
}

async function citizenReportLines(portal: Portal, facilityId: string): Promise<FacilityReportLine[]> {
  const perDrug = new Map<string, number>();
  const lines: FacilityReportLine[] = [];
  for (const r of await recentReportsAtFacility(portal.store, facilityId, reportsRead)) {
    const key = r.drugId ?? r.drugName;
    const n = perDrug.get(key) ?? 0;
    if (n >= reportsPerDrug) continue;
    if (lines.length >= reportsShown) break;
    perDrug.set(key, n + 1);
    lines.push({ drugId: r.drugId, drugName: r.drugName, problemLabel: problemKindLabels[r.problem], receivedAt: r.receivedAt, statusLabel: caseStatusLabels[r.status] });
  }
  return lines;
}
