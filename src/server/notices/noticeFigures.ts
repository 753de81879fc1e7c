import type { CoverageTable, ListChange, QuarterFigures } from '../../domain/notices/draftFigures.ts';
import { type PriceFigures, priceFigures } from '../../domain/notices/priceFigures.ts';
import { dayBefore, type Quarter, quarterRange } from '../../domain/notices/quarter.ts';
import type { ShortageEntryView } from '../../domain/shortages/entryFilter.ts';
import { diffListVersions } from '../../domain/shortages/listDiff.ts';
import { listEntries, listsInForceFor, type ListVersionSummary } from '../shortages/listQueries.ts';
import type { Store } from '../store/openStore.ts';
import { citizenReportFigures } from '../store/reportFiguresStore.ts';
import { enforcementResultsPublished, priceRiseReports } from '../store/priceFiguresStore.ts';
import { regionFacilityCount, regionStockCounts } from '../store/noticeFiguresStore.ts';
import { regionName, regionNames } from '../store/regionStore.ts';

/**
 * Reads the portal's own figures for a region and quarter; domain/notices/draftFigures.ts writes them up.
 * Stock is the latest report per facility and drug (the store keeps no history), which the draft says.
 */
const entryName = (e: ShortageEntryView) => e.genericName ?? e.rawName;

async function listChanges(store: Store, regionCode: string, quarter: Quarter): Promise<{ end: ListVersionSummary[]; changes: ListChange[]; unchanged: string[] }> {
  const range = quarterRange(quarter);
  const [start, end] = await Promise.all([
    listsInForceFor(store, regionCode, dayBefore(range.firstDay)),
    listsInForceFor(store, regionCode, range.lastDay),
  ]);
  const changes: ListChange[] = [];
  const unchanged: string[] = [];
  for (const after of end) {
    const before = start.find((l) => l.listKey === after.listKey);
    if (before?.id === after.id) {
      unchanged.push(after.title);
      continue;
    }
    const [old, next] = await Promise.all([before ? listEntries(store, [before.id]) : [], listEntries(store, [after.id])]);
    const diff = diffListVersions(old, next);
    changes.push({
      title: after.title,
      isDemo: after.isDemo,
      before: before ? { version: before.version, effectiveDate: before.effectiveDate } : null,
      after: { version: after.version, effectiveDate: after.effectiveDate },
      added: diff.added.map((d) => entryName(d.entries[0] as ShortageEntryView)),
      removed: diff.removed.map((d) => entryName(d.entries[0] as ShortageEntryView)),
      changed: diff.changed.map((d) => entryName(d.after[0] as ShortageEntryView)),
    });
  }
  return { end, changes, unchanged };
}

async function coverage(store: Store, regionCode: string, lists: ListVersionSummary[]): Promise<QuarterFigures['coverage']> {
  const facilities = await regionFacilityCount(store, regionCode);
  const entries = await Promise.all(lists.map((l) => listEntries(store, [l.id])));
  const drugIds = [...new Set(entries.flat().flatMap((e) => (e.drugId ? [e.drugId] : [])))];
  const { counts, reportedBetween } = await regionStockCounts(store, regionCode, drugIds);
  const tables: CoverageTable[] = lists.map((list, i) => {
    const listEntriesOf = entries[i] ?? [];
    const seen = new Set<string>();
    const rows = listEntriesOf.flatMap((e) => {
      if (!e.drugId || seen.has(e.drugId)) return [];
      seen.add(e.drugId);
      const c = counts.get(e.drugId) ?? { in_stock: 0, low: 0, out: 0 };
      return [{ drugName: entryName(e), inStock: c.in_stock + c.low, low: c.low, out: c.out }];
    });
    return { listTitle: list.title, isDemo: list.isDemo, rows, unmatched: listEntriesOf.filter((e) => !e.drugId).map(entryName) };
  });
  return { facilityCount: facilities.count, demoFacilities: facilities.anyDemo, reportedBetween, tables };
}

/**
 * The price section's inputs read from the store and handed to the domain's computation. Its sources today:
 * enforcement results and citizen price-rise reports; the price signals join as one more input.
 */
async function quarterPriceFigures(store: Store, regionCode: string, range: { start: string; end: string }): Promise<PriceFigures> {
  const [enforcementResults, priceReports] = await Promise.all([enforcementResultsPublished(store, regionCode, range), priceRiseReports(store, regionCode, range)]);
  const areas = [...enforcementResults.map((r) => r.regionCode.slice(0, 6)), ...priceReports.map((r) => r.countyCode)];
  return priceFigures({ regionNames: await regionNames(store, areas), enforcementResults, priceReports });
}

export async function quarterFigures(store: Store, regionCode: string, quarter: Quarter, now = new Date()): Promise<QuarterFigures> {
  const name = await regionName(store, regionCode);
  const lists = await listChanges(store, regionCode, quarter);
  return {
    regionName: name ?? regionCode,
    quarter,
    generatedAt: now.toISOString(),
    listChanges: lists.changes,
    unchangedLists: lists.unchanged,
    coverage: await coverage(store, regionCode, lists.end),
    citizenReports: await citizenReportFigures(store, regionCode, quarterRange(quarter)),
    prices: await quarterPriceFigures(store, regionCode, quarterRange(quarter)),
  };
}
