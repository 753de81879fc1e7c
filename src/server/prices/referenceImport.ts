import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { type ImportProblem, isError, type LineUnit } from '../../domain/imports/importProblem.ts';
import { formatFromFileName, readRecords } from '../../domain/imports/readRecords.ts';
import { parseReferenceRows, requiredReferenceColumns } from '../../domain/prices/referencePriceRow.ts';
import type { Store } from '../store/openStore.ts';
import { drugResolver } from '../imports/stockImport.ts';
import { referenceImportBySha, saveReferenceImport } from '../store/referencePriceStore.ts';

export interface ImportReferencesResult {
  unit: LineUnit;
  rowsRead: number;
  imported: number;
  skipped: number;
  problems: ImportProblem[];
  rejected: boolean;
  dryRun: boolean;
  /** Set when this exact file was loaded before: nothing is written again. */
  alreadyVersion: number | null;
  version: number | null;
}

/**
 * Loads a file of 集采中选价 / 挂网价 (CSV, JSON or JSON Lines). Every row is checked first; one bad row stops the
 * whole file unless skipBad. The same file twice is one version; a new file of the same document supersedes it.
 */
export async function importReferencePrices(
  store: Store,
  options: { fileName: string; text: string; importedBy: string; skipBad?: boolean; dryRun?: boolean; isDemo?: boolean; now?: Date },
): Promise<ImportReferencesResult> {
  const { fileName, text, skipBad = false, dryRun = false } = options;
  const read = readRecords(text, formatFromFileName(fileName, text), requiredReferenceColumns);
  const parsed = parseReferenceRows(read.records, await drugResolver(store));
  const problems = [...read.problems, ...parsed.problems].sort((a, b) => a.line - b.line);
  const result: ImportReferencesResult = {
    unit: read.unit, rowsRead: read.records.length + read.unreadable, imported: 0, skipped: parsed.rejected + read.unreadable,
    problems, rejected: false, dryRun, alreadyVersion: null, version: null,
  };
  const hasErrors = problems.some(isError);
  if ((hasErrors && !skipBad) || parsed.prices.length === 0) return { ...result, rejected: true };
  const sha256 = createHash('sha256').update(text).digest('hex');
  const earlier = await referenceImportBySha(store, sha256);
  if (earlier) return { ...result, alreadyVersion: earlier.version };
  if (dryRun) return { ...result, imported: parsed.prices.length };
  const prices = parsed.prices.map((p) => ({ ...p, isDemo: options.isDemo ?? false }));
  const saved = await saveReferenceImport(store, { fileName: basename(fileName), sha256, importedBy: options.importedBy, isDemo: options.isDemo ?? false }, prices, options.now ?? new Date());
  return { ...result, imported: prices.length, version: saved.version };
}
