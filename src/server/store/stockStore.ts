import type { Insertable, Selectable } from 'kysely';
import type { StockReport } from '../../domain/stock/stockStatus.ts';
import { takeStockSequence } from './changeCounterStore.ts';
import type { Store } from './openStore.ts';
import type { ImportRunTable, StockReportTable } from './schema.ts';

type StockRow = Selectable<StockReportTable>;

function reportFromRow(row: StockRow): StockReport {
  return {
    facilityId: row.facility_id,
    drugId: row.drug_id,
    status: row.status,
    quantity: row.quantity,
    priceFen: row.price_fen,
    priceUnit: row.price_unit,
    reportedAt: row.reported_at,
  };
}

/** A report with who sent it, for pages that say where a fact comes from. */
export type SourcedStockReport = StockReport & { source: string };

export const sourcedReportFromRow = (row: StockRow): SourcedStockReport => ({ ...reportFromRow(row), source: row.source });

/** 9 columns × 500 rows = 4,000 bound parameters, well under SQLite's limit of 32,766 (PostgreSQL's is 65,535). */
const rowsPerStatement = 500;

/**
 * The newest report per facility × drug (the later one on a tie, as a second report at the same time corrects
 * the first). PostgreSQL refuses a statement that would upsert one row twice, and only the newest would stay.
 */
function newestPerPair(reports: StockReport[]): StockReport[] {
  const newest = new Map<string, StockReport>();
  for (const r of reports) {
    const key = `${r.facilityId}\u0000${r.drugId}`;
    const kept = newest.get(key);
    if (!kept || kept.reportedAt <= r.reportedAt) newest.set(key, r);
  }
  return [...newest.values()];
}

/**
 * Upserts reports. An older report never overwrites a newer one, so importing the same file twice, or an
 * out-of-order file, leaves the store as it was. Written many rows per statement: the demo seed writes 68,000
 * reports, and one round trip each is slow on PostgreSQL. Every row written carries the transaction's number in
 * the stock change sequence (changeCounterStore.ts), which the change feed reads in order.
 */
export async function saveStockReports(store: Store, reports: StockReport[], source: string, now = new Date()): Promise<number> {
  const pending = newestPerPair(reports);
  if (pending.length === 0) return 0;
  const rows: Omit<Insertable<StockReportTable>, 'change_seq'>[] = pending.map((r) => ({
    facility_id: r.facilityId,
    drug_id: r.drugId,
    status: r.status,
    quantity: r.quantity,
    price_fen: r.priceFen,
    price_unit: r.priceUnit,
    reported_at: r.reportedAt,
    source,
  }));
  let written = 0;
  await store.transaction().execute(async (trx) => {
    // First, so that on PostgreSQL the counter's row lock orders this transaction before any later writer.
    const changeSeq = await takeStockSequence(trx, now);
    for (let i = 0; i < rows.length; i += rowsPerStatement) {
      const result = await trx
        .insertInto('stock_reports')
        .values(rows.slice(i, i + rowsPerStatement).map((row) => ({ ...row, change_seq: changeSeq })))
        .onConflict((oc) =>
          oc
            .columns(['facility_id', 'drug_id'])
            .doUpdateSet((eb) => ({
              status: eb.ref('excluded.status'),
              quantity: eb.ref('excluded.quantity'),
              price_fen: eb.ref('excluded.price_fen'),
              price_unit: eb.ref('excluded.price_unit'),
              reported_at: eb.ref('excluded.reported_at'),
              source: eb.ref('excluded.source'),
              change_seq: eb.ref('excluded.change_seq'),
            }))
            .whereRef('stock_reports.reported_at', '<=', 'excluded.reported_at'),
        )
        .executeTakeFirst();
      written += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return written;
}

/** Reports for one drug at the given facilities (the page's top hits from the index). */
export async function stockForDrugAt(store: Store, drugId: string, facilityIds: string[]): Promise<Map<string, SourcedStockReport>> {
  if (facilityIds.length === 0) return new Map();
  const rows = await store
    .selectFrom('stock_reports')
    .selectAll()
    .where('drug_id', '=', drugId)
    .where('facility_id', 'in', facilityIds)
    .execute();
  return new Map(rows.map((row) => [row.facility_id, sourcedReportFromRow(row)]));
}

export async function stockAtFacility(store: Store, facilityId: string): Promise<SourcedStockReport[]> {
  const rows = await store.selectFrom('stock_reports').selectAll().where('facility_id', '=', facilityId).execute();
  return rows.map(sourcedReportFromRow);
}

/** Compact per-facility status lists, the shape the availability index is built from. */
export async function stockStatusesByFacility(
  store: Store,
  facilityIds: string[],
): Promise<Map<string, { inStock: string[]; low: string[]; out: string[] }>> {
  const result = new Map<string, { inStock: string[]; low: string[]; out: string[] }>();
  for (const id of facilityIds) result.set(id, { inStock: [], low: [], out: [] });
  if (facilityIds.length === 0) return result;
  const rows = await store
    .selectFrom('stock_reports')
    .select(['facility_id', 'drug_id', 'status'])
    .where('facility_id', 'in', facilityIds)
    .execute();
  for (const row of rows) {
    const entry = result.get(row.facility_id);
    if (!entry) continue;
    (row.status === 'in_stock' ? entry.inStock : row.status === 'low' ? entry.low : entry.out).push(row.drug_id);
  }
  return result;
}

export async function latestStockReportAt(store: Store): Promise<string | null> {
  const row = await store.selectFrom('stock_reports').select((eb) => eb.fn.max('reported_at').as('latest')).executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/** The key storedStockReports files a report under: one per facility and drug. */
export function stockReportKey(r: Pick<StockReport, 'facilityId' | 'drugId'>): string {
  return `${r.facilityId}\u0000${r.drugId}`;
}

/** The stored reports for these facilities and drugs, by stockReportKey; facilities chunked under the parameter cap. */
export async function storedStockReports(store: Store, facilityIds: readonly string[], drugIds: readonly string[]): Promise<Map<string, StockReport>> {
  const existing = new Map<string, StockReport>();
  if (drugIds.length === 0) return existing;
  for (let f = 0; f < facilityIds.length; f += 500) {
    const rows = await store
      .selectFrom('stock_reports')
      .select(['facility_id', 'drug_id', 'status', 'quantity', 'price_fen', 'price_unit', 'reported_at'])
      .where('facility_id', 'in', facilityIds.slice(f, f + 500))
      .where('drug_id', 'in', [...drugIds])
      .execute();
    for (const row of rows) {
      existing.set(stockReportKey({ facilityId: row.facility_id, drugId: row.drug_id }), {
        facilityId: row.facility_id, drugId: row.drug_id, status: row.status, quantity: row.quantity,
        priceFen: row.price_fen, priceUnit: row.price_unit, reportedAt: row.reported_at,
      });
    }
  }
  return existing;
}

/** Records one import file's run (what was read, written and skipped) and returns its id. */
export async function recordImportRun(store: Store, run: Omit<ImportRunTable, 'id'>): Promise<number> {
  const row = await store.insertInto('import_runs').values(run).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}
