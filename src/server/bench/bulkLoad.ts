/**
 * Fast loader for the search benchmark: writes synthetic drugs, facilities and tens of millions of stock rows
 * straight into a migrated store file with node:sqlite prepared statements in one transaction. The portal's
 * own save functions upsert row by row through Kysely, which is right for imports of a few thousand rows and
 * far too slow for 90 million. Only for a fresh benchmark store: it turns journalling off while it runs.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { DrugTable, FacilityTable } from '../store/schema.ts';
import { StockGenerator, syntheticDrugRows, syntheticFacilityRow } from './syntheticRegister.ts';

export interface BulkLoadOptions {
  facilities: number;
  varieties: number;
  perFacility: number;
  now?: Date;
  /** Called every few percent of facilities with a progress line. */
  progress?: (line: string) => void;
}

export interface BulkLoadReport {
  drugs: number;
  facilities: number;
  stockRows: number;
  insertSeconds: number;
  indexSeconds: number;
}

/** Rows per multi-row INSERT: far fewer statement calls, well under SQLite's 32,766 bound-parameter limit. */
const rowsPerInsert = 400;

/** `literals` are trailing constant columns, e.g. `{ source: "'bench'" }`, written into the SQL instead of bound. */
function multiRowInsert(db: DatabaseSync, table: string, columns: readonly string[], rows: number, literals: Record<string, string> = {}): StatementSync {
  const names = [...columns, ...Object.keys(literals)].join(', ');
  const one = `(${[...columns.map(() => '?'), ...Object.values(literals)].join(', ')})`;
  return db.prepare(`INSERT INTO ${table} (${names}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`);
}

/** Buffers rows and writes them `rowsPerInsert` at a time. */
class BatchWriter {
  readonly #db: DatabaseSync;
  readonly #table: string;
  readonly #columns: readonly string[];
  readonly #literals: Record<string, string>;
  readonly #full: StatementSync;
  #params: (string | number | null)[] = [];
  #rows = 0;
  written = 0;

  constructor(db: DatabaseSync, table: string, columns: readonly string[], literals: Record<string, string> = {}) {
    this.#db = db;
    this.#table = table;
    this.#columns = columns;
    this.#literals = literals;
    this.#full = multiRowInsert(db, table, columns, rowsPerInsert, literals);
  }

  add(...values: (string | number | null)[]): void {
    for (const v of values) this.#params.push(v);
    if (++this.#rows === rowsPerInsert) this.flush();
  }

  flush(): void {
    if (this.#rows === 0) return;
    const statement =
      this.#rows === rowsPerInsert ? this.#full : multiRowInsert(this.#db, this.#table, this.#columns, this.#rows, this.#literals);
    statement.run(...this.#params);
    this.written += this.#rows;
    this.#params = [];
    this.#rows = 0;
  }
}

const drugColumns = [
  'id', 'eml_number', 'kind', 'generic_name', 'english_name', 'category', 'subcategory', 'therapeutic_group',
  'also_listed_in', 'forms', 'forms_text', 'specialist_only', 'notes', 'is_essential', 'pinyin_full', 'pinyin_initials',
  'updated_at',
] as const satisfies readonly (keyof DrugTable)[];

const facilityColumns = [
  'id', 'name', 'type', 'level', 'address', 'county_code', 'township_code', 'lat', 'lng', 'phone', 'opening_hours',
  'insurance_designated', 'is_demo', 'updated_at',
] as const satisfies readonly (keyof FacilityTable)[];

const stockColumns = ['facility_id', 'drug_id', 'status', 'quantity', 'price_fen', 'price_unit', 'reported_at'] as const;

/**
 * Loads the synthetic register into the store at `path`, which must already carry the portal's schema
 * (create it with openSqliteStore first and close that handle). The drug_id index on stock_reports is dropped
 * during the load and rebuilt afterwards with the same definition: one sort beats 90 million random inserts.
 */
export function bulkLoadSyntheticRegister(path: string, options: BulkLoadOptions): BulkLoadReport {
  const now = options.now ?? new Date();
  const log = options.progress ?? (() => {});
  const db = new DatabaseSync(path);
  try {
    db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576;
             PRAGMA temp_store = FILE; PRAGMA threads = 2; PRAGMA foreign_keys = OFF;`);
    const started = performance.now();
    db.exec('BEGIN');
    const drugs = new BatchWriter(db, 'drugs', drugColumns);
    for (const row of syntheticDrugRows(options.varieties, now)) drugs.add(...drugColumns.map((c) => row[c]));
    drugs.flush();

    const facilities = new BatchWriter(db, 'facilities', facilityColumns);
    for (let i = 0; i < options.facilities; i++) {
      const row = syntheticFacilityRow(i, now);
      facilities.add(...facilityColumns.map((c) => row[c]));
    }
    facilities.flush();

    db.exec('DROP INDEX IF EXISTS stock_reports_drug');
    const stock = new BatchWriter(db, 'stock_reports', stockColumns, { source: "'bench'" });
    const generator = new StockGenerator(options.varieties, options.perFacility, now);
    const step = Math.max(1, Math.floor(options.facilities / 10));
    for (let i = 0; i < options.facilities; i++) {
      generator.forFacility(i, (r) => stock.add(r.facility_id, r.drug_id, r.status, r.quantity, r.price_fen, r.price_unit, r.reported_at));
      if ((i + 1) % step === 0 || i + 1 === options.facilities) {
        const seconds = (performance.now() - started) / 1000;
        log(`  ${i + 1} / ${options.facilities} facilities, ${(stock.written / 1e6).toFixed(1)} M stock rows, ${seconds.toFixed(0)} s`);
      }
    }
    stock.flush();
    db.exec('COMMIT');
    const inserted = performance.now();
    log('  rebuilding the stock_reports drug_id index…');
    db.exec('CREATE INDEX stock_reports_drug ON stock_reports (drug_id)');
    const indexed = performance.now();
    db.exec('PRAGMA journal_mode = WAL');
    return {
      drugs: drugs.written,
      facilities: facilities.written,
      stockRows: stock.written,
      insertSeconds: (inserted - started) / 1000,
      indexSeconds: (indexed - inserted) / 1000,
    };
  } finally {
    db.close();
  }
}
