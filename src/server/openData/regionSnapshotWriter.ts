import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenFile } from '../../domain/openData/dataPackage.ts';
import { cellsOf, headerOf, ndjsonLine, type SnapshotTable } from '../../domain/openData/snapshotFields.ts';
import { snapshotFileName } from '../../domain/openData/snapshotRegions.ts';
import { csvRow, utf8Bom } from '../../domain/text/csvCells.ts';
import { GzipFileWriter } from './gzipFileWriter.ts';

/** A record as its two published lines, formatted once for all the regions it goes to. */
export interface SnapshotLines {
  csv: string;
  ndjson: string;
}

export function snapshotLines<R>(table: SnapshotTable<R>, record: R): SnapshotLines {
  return { csv: csvRow(cellsOf(table, record)), ndjson: ndjsonLine(table, record) };
}

/** One table of one region, written as CSV and NDJSON side by side. */
class TableWriter {
  readonly #csv: GzipFileWriter;
  readonly #ndjson: GzipFileWriter;
  readonly #started: Promise<void>;

  constructor(dir: string, table: SnapshotTable<never>) {
    const csvName = snapshotFileName(table.name, 'csv');
    const ndjsonName = snapshotFileName(table.name, 'ndjson');
    this.#csv = new GzipFileWriter(join(dir, csvName), csvName);
    this.#ndjson = new GzipFileWriter(join(dir, ndjsonName), ndjsonName);
    this.#started = this.#csv.write(utf8Bom + csvRow(headerOf(table)), false) ?? Promise.resolve();
  }

  async add(lines: SnapshotLines): Promise<void> {
    const csv = this.#csv.write(lines.csv);
    const ndjson = this.#ndjson.write(lines.ndjson);
    if (csv) await csv;
    if (ndjson) await ndjson;
  }

  async finish(): Promise<WrittenFile[]> {
    await this.#started;
    return [await this.#csv.finish(), await this.#ndjson.finish()];
  }

  abort(): void {
    this.#csv.abort();
    this.#ndjson.abort();
  }
}

/**
 * The files of one region's snapshot (a province or a city) while they are written, one table after another:
 * facilities, then the catalogue, then stock. Only the table in progress holds open files.
 */
export class RegionSnapshotWriter {
  readonly code: string;
  readonly level: 'province' | 'city';
  readonly dir: string;
  readonly files: WrittenFile[] = [];
  #current: TableWriter | null = null;

  constructor(buildDir: string, code: string, level: 'province' | 'city') {
    this.code = code;
    this.level = level;
    this.dir = join(buildDir, code);
    mkdirSync(this.dir, { recursive: true });
  }

  /** Starts `table`'s files (finishing the previous table's). */
  async begin<R>(table: SnapshotTable<R>): Promise<void> {
    await this.end();
    this.#current = new TableWriter(this.dir, table as SnapshotTable<never>);
  }

  add(lines: SnapshotLines): Promise<void> {
    if (!this.#current) throw new Error('RegionSnapshotWriter.add before begin');
    return this.#current.add(lines);
  }

  async end(): Promise<void> {
    const current = this.#current;
    this.#current = null;
    if (current) this.files.push(...(await current.finish()));
  }

  abort(): void {
    this.#current?.abort();
    this.#current = null;
  }
}
