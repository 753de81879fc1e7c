import type { Facility } from '../../domain/facilities/facility.ts';
import type { CatalogueRecord, StockRecord } from '../../domain/openData/snapshotFields.ts';
import type { StockPosition } from '../../domain/openData/changeCursor.ts';
import { varietyFromRow } from './drugStore.ts';
import { facilityFromRow } from './facilityStore.ts';
import type { Store } from './openStore.ts';
import { sourcedReportFromRow } from './stockStore.ts';

/*
 * Reads for the bulk snapshots and the stock change feed, always a page at a time in key order from the last
 * key seen (keyset paging: each page is one index seek, however far in, and nothing is held between pages), so
 * a province of 90 million stock rows never has to fit in memory.
 */

export async function facilitiesAfter(store: Store, afterId: string | null, limit: number): Promise<Facility[]> {
  let query = store.selectFrom('facilities').selectAll().orderBy('id').limit(limit);
  if (afterId !== null) query = query.where('id', '>', afterId);
  return (await query.execute()).map(facilityFromRow);
}

export async function catalogueAfter(store: Store, afterId: string | null, limit: number): Promise<CatalogueRecord[]> {
  let query = store.selectFrom('drugs').selectAll().orderBy('id').limit(limit);
  if (afterId !== null) query = query.where('id', '>', afterId);
  return (await query.execute()).map((row) => varietyFromRow(row, []));
}

/** Stock rows in primary-key order (facility, then drug) after the given pair. */
export async function stockAfter(store: Store, after: { facilityId: string; drugId: string } | null, limit: number): Promise<StockRecord[]> {
  let query = store.selectFrom('stock_reports').selectAll().orderBy('facility_id').orderBy('drug_id').limit(limit);
  if (after !== null) {
    query = query.where((eb) => eb(eb.refTuple('facility_id', 'drug_id'), '>', eb.tuple(after.facilityId, after.drugId)));
  }
  return (await query.execute()).map(sourcedReportFromRow);
}

export type StockChange = StockRecord & { changeSeq: number };

/**
 * Stock rows saved after `after`, in (change sequence, facility, drug) order. A row saved again later has
 * moved on to its new number, so a page shows each pair's current state once, at its latest change.
 */
export async function stockChangesAfter(store: Store, after: StockPosition | null, limit: number): Promise<StockChange[]> {
  let query = store
    .selectFrom('stock_reports')
    .selectAll()
    .orderBy('change_seq')
    .orderBy('facility_id')
    .orderBy('drug_id')
    .limit(limit);
  if (after !== null) {
    const [seq, facilityId, drugId] = after;
    query = query.where((eb) => eb(eb.refTuple('change_seq', 'facility_id', 'drug_id'), '>', eb.tuple(seq, facilityId, drugId)));
  }
  return (await query.execute()).map((row) => ({ ...sourcedReportFromRow(row), changeSeq: Number(row.change_seq) }));
}
