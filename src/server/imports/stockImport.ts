import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { type ImportProblem, isError, type LineUnit } from '../../domain/imports/importProblem.ts';
import { formatFromFileName, readRecords } from '../../domain/imports/readRecords.ts';
import { parseStockRows, requiredStockColumns } from '../../domain/stock/stockImportRow.ts';
import type { StockReport } from '../../domain/stock/stockStatus.ts';
import type { Portal } from '../portal.ts';
import { recordPricesAndSignals } from '../prices/priceWatch.ts';
import { reindexFacilities } from '../search/reindex.ts';
import { drugNames } from '../store/drugStore.ts';
import { facilityIds } from '../store/facilityStore.ts';
import type { Store } from '../store/openStore.ts';
import { recordImportRun, saveStockReports, storedStockReports, stockReportKey } from '../store/stockStore.ts';
import { evaluateAlerts } from '../alerts/alertEvaluation.ts';
import { alertMailDelivery } from '../alerts/alertMailing.ts';

export interface ImportProgress {
  phase: 'parse' | 'compare' | 'save' | 'index';
  done: number;
  total: number;
}

export interface ImportStockOptions {
  fileName: string;
  text: string;
  skipBad?: boolean;
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  now?: Date;
}

export interface ImportStockResult {
  unit: LineUnit;
  /** Data rows in the file, readable or not. rowsRead = imported + unchanged + skipped once saved. */
  rowsRead: number;
  /** Reports written; on a dry run, the reports that would be. */
  imported: number;
  /** Valid rows that change nothing: the store (or a later row of the file) already has this or a newer report. */
  unchanged: number;
  /** Rows with an error. */
  skipped: number;
  problems: ImportProblem[];
  /** True when nothing was imported because of bad rows (or a file that could not be read at all). */
  rejected: boolean;
  dryRun: boolean;
  runId: number | null;
  facilitiesReindexed: number;
  /** The store was updated but the search index was not; `npm run reindex` repairs it. */
  indexError: string | null;
}

const chunkSize = 5000;

/** Ids as written in the catalogue CSV (MED-2026-W078), bare ids in any case, or an unambiguous generic name. */
export async function drugResolver(store: Store): Promise<(value: string) => string | undefined> {
  const names = await drugNames(store);
  const ids = new Set(names.keys());
  const byName = new Map<string, string | null>();
  for (const [id, name] of names) {
    const seen = byName.get(name);
    byName.set(name, seen === undefined || seen === id ? id : null);
  }
  return (value) => {
    const id = value.toUpperCase().replace(/^MED-\d{4}-/, '');
    if (ids.has(id)) return id;
    return byName.get(value) ?? undefined;
  };
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

/**
 * Drops reports the store already has, or has something newer than. saveStockReports would keep the store right
 * either way, but it counts a same-time rewrite as a write; leaving them out makes a repeated import write 0 rows
 * and reindex nothing.
 */
async function changedReports(store: Store, reports: StockReport[], progress: (done: number) => void): Promise<StockReport[]> {
  const changed: StockReport[] = [];
  for (let i = 0; i < reports.length; i += chunkSize) {
    const chunk = reports.slice(i, i + chunkSize);
    const facilities = [...new Set(chunk.map((r) => r.facilityId))];
    const drugs = [...new Set(chunk.map((r) => r.drugId))];
    const existing = await storedStockReports(store, facilities, drugs);
    for (const r of chunk) {
      const old = existing.get(stockReportKey(r));
      const stale = old !== undefined && Date.parse(old.reportedAt) > Date.parse(r.reportedAt);
      const same = old !== undefined && sameInstant(old.reportedAt, r.reportedAt) && old.status === r.status
        && old.quantity === r.quantity && old.priceFen === r.priceFen && old.priceUnit === r.priceUnit;
      if (!stale && !same) changed.push(r);
    }
    progress(Math.min(i + chunkSize, reports.length));
  }
  return changed;
}

/** Reads, validates and (unless told otherwise) saves a stock file: all good rows in one transaction, or none. */
export async function importStock(portal: Portal, options: ImportStockOptions): Promise<ImportStockResult> {
  const startedAt = new Date();
  const { fileName, text, skipBad = false, dryRun = false, onProgress = () => {} } = options;
  const read = readRecords(text, formatFromFileName(fileName, text), requiredStockColumns);
  const known = new Set(await facilityIds(portal.store));
  const parsed = parseStockRows(read.records, {
    facilityExists: (id) => known.has(id),
    resolveDrug: await drugResolver(portal.store),
    now: options.now ?? startedAt,
    unit: read.unit,
    onProgress: (done, total) => onProgress({ phase: 'parse', done, total }),
  });
  const problems = [...read.problems, ...parsed.problems].sort((a, b) => a.line - b.line);
  const rowsRead = read.records.length + read.unreadable;
  const skipped = parsed.rejected + read.unreadable;
  const result: ImportStockResult = {
    unit: read.unit, rowsRead, imported: 0, unchanged: 0, skipped, problems, rejected: false, dryRun,
    runId: null, facilitiesReindexed: 0, indexError: null,
  };
  const hasErrors = problems.some(isError);
  if ((hasErrors && !skipBad) || (hasErrors && parsed.reports.length === 0)) return { ...result, rejected: true };

  const toWrite = await changedReports(portal.store, parsed.reports, (done) =>
    onProgress({ phase: 'compare', done, total: parsed.reports.length }),
  );
  const valid = read.records.length - parsed.rejected;
  if (dryRun) return { ...result, imported: toWrite.length, unchanged: valid - toWrite.length };

  onProgress({ phase: 'save', done: 0, total: toWrite.length });
  const imported = toWrite.length > 0 ? await saveStockReports(portal.store, toWrite, `import:${basename(fileName)}`) : 0;
  onProgress({ phase: 'save', done: toWrite.length, total: toWrite.length });
  // Each changed price joins its history, and only those prices are looked at for price signals.
  await recordPricesAndSignals(portal, toWrite, `import:${basename(fileName)}`, options.now ?? startedAt);
  const runId = await recordImportRun(portal.store, {
    kind: 'stock', file_name: basename(fileName), file_sha256: createHash('sha256').update(text).digest('hex'),
    rows_total: rowsRead, rows_imported: imported, rows_skipped: skipped,
    started_at: startedAt.toISOString(), finished_at: new Date().toISOString(),
  });

  const touched = [...new Set(toWrite.map((r) => r.facilityId))];
  let indexError: string | null = null;
  try {
    for (let i = 0; i < touched.length; i += chunkSize) {
      await reindexFacilities(portal, touched.slice(i, i + chunkSize));
      onProgress({ phase: 'index', done: Math.min(i + chunkSize, touched.length), total: touched.length });
    }
  } catch (error) {
    indexError = error instanceof Error ? error.message : String(error);
  }
  // A drug back on a shelf alerts its subscribers now, not at the next scheduled look. A failure here must not
  // undo an import that is stored: the schedule (src/server/jobs/alertJobs.ts) catches up within minutes.
  if (imported > 0) await evaluateAlerts(portal.store, new Date(), alertMailDelivery(portal.config)).catch((error) => console.error('[alerts] evaluation after import failed:', error));
  return {
    ...result, imported, unchanged: valid - imported, runId, facilitiesReindexed: indexError ? 0 : touched.length, indexError,
  };
}
