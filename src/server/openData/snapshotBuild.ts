import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { checksumList } from '../../domain/openData/checksums.ts';
import { dataPackage, type WrittenFile } from '../../domain/openData/dataPackage.ts';
import { catalogueTable, facilityTable, snapshotTables, stockTable } from '../../domain/openData/snapshotFields.ts';
import { checksumFileName, dataPackageFileName, shortRegionCode, snapshotRegionsOf } from '../../domain/openData/snapshotRegions.ts';
import { stockSequence } from '../store/changeCounterStore.ts';
import { catalogueAfter, facilitiesAfter, stockAfter } from '../store/openDataStore.ts';
import type { Store } from '../store/openStore.ts';
import { loadRegions } from '../store/regionStore.ts';
import { stockCursorAt } from './stockChangeFeed.ts';
import { RegionSnapshotWriter, snapshotLines } from './regionSnapshotWriter.ts';
import { type SnapshotIndex, swapInBuild, writeSmallFile } from './snapshotDirectory.ts';

export interface SnapshotBuildOptions {
  now?: Date;
  /** Rows per store query. Small enough that one synchronous SQLite read stalls requests for milliseconds only. */
  pageSize?: number;
  /** Called with a line now and then; the benchmark and logs show progress. */
  progress?: (line: string) => void;
  /** Test seam: runs after each stock page, e.g. to fail a build halfway. */
  afterStockPage?: (rowsSoFar: number) => Promise<void> | void;
}

export interface SnapshotBuildResult {
  buildId: string;
  index: SnapshotIndex;
  seconds: number;
}

/**
 * Builds every region's snapshot (each province and each city with facilities) into a new directory beside the
 * one being served, then swaps it in (snapshotDirectory.ts). Reading is in keyset pages and writing streams
 * through gzip, so memory stays flat at any size; between pages the event loop serves requests.
 *
 * The store is not read in one transaction (on SQLite that would hold a connection, on either engine it would
 * pin old row versions for minutes). Instead the stock sequence is read first: every change up to it is in the
 * files, some later ones may be too, and a mirror that loads the files and then follows the change feed from
 * the recorded cursor converges, since applying a stock row twice changes nothing.
 */
export async function buildSnapshots(store: Store, root: string, options: SnapshotBuildOptions = {}): Promise<SnapshotBuildResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? 2000;
  const log = options.progress ?? (() => {});
  const buildId = `${now.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  const buildDir = join(root, 'builds', `.tmp-${buildId}`);
  mkdirSync(buildDir, { recursive: true });
  const regions = new Map<string, RegionSnapshotWriter>();
  try {
    const sequence = await stockSequence(store);
    // Everything numbered up to `sequence.value` is in these files: the feed continues after it.
    const stockCursor = stockCursorAt([sequence.value + 1, '', '']);

    const countyOf = new Map<string, string>();
    let facilities = 0;
    for (let after: string | null = null; ; ) {
      const page = await facilitiesAfter(store, after, pageSize);
      for (const facility of page) {
        countyOf.set(facility.id, facility.countyCode);
        const lines = snapshotLines(facilityTable, facility);
        for (const region of snapshotRegionsOf(facility.countyCode)) {
          let writer = regions.get(region.code);
          if (!writer) {
            writer = new RegionSnapshotWriter(buildDir, region.code, region.level);
            await writer.begin(facilityTable);
            regions.set(region.code, writer);
          }
          await writer.add(lines);
        }
      }
      facilities += page.length;
      if (page.length < pageSize) break;
      after = page.at(-1)?.id ?? null;
      await yieldToRequests();
    }
    log(`  facilities: ${facilities} in ${regions.size} regions`);

    for (const writer of regions.values()) await writer.begin(catalogueTable);
    for (let after: string | null = null; ; ) {
      const page = await catalogueAfter(store, after, pageSize);
      for (const drug of page) {
        const lines = snapshotLines(catalogueTable, drug);
        for (const writer of regions.values()) await writer.add(lines);
      }
      if (page.length < pageSize) break;
      after = page.at(-1)?.id ?? null;
    }

    for (const writer of regions.values()) await writer.begin(stockTable);
    let stockRows = 0;
    let nextLog = 1_000_000;
    for (let after: { facilityId: string; drugId: string } | null = null; ; ) {
      const page = await stockAfter(store, after, pageSize);
      for (const row of page) {
        const county = countyOf.get(row.facilityId);
        // A facility added after the register pass: its stock comes with the next build.
        if (county === undefined) continue;
        const lines = snapshotLines(stockTable, row);
        for (const region of snapshotRegionsOf(county)) await regions.get(region.code)?.add(lines);
      }
      stockRows += page.length;
      await options.afterStockPage?.(stockRows);
      if (stockRows >= nextLog) {
        log(`  stock: ${(stockRows / 1e6).toFixed(1)} M rows, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        nextLog += 1_000_000;
      }
      if (page.length < pageSize) break;
      const last = page.at(-1);
      after = last ? { facilityId: last.facilityId, drugId: last.drugId } : null;
      await yieldToRequests();
    }

    const names = new Map((await loadRegions(store)).map((r) => [r.code, r.name]));
    const builtAt = now.toISOString();
    const index: SnapshotIndex = { buildId, builtAt, stockSequence: sequence.value, stockCursor, facilities, stockRows, regions: [] };
    for (const writer of [...regions.values()].sort((a, b) => a.code.localeCompare(b.code))) {
      await writer.end();
      const regionName = names.get(shortRegionCode(writer.code)) ?? null;
      const files = new Map(writer.files.map((f) => [f.name, f]));
      const descriptor = dataPackage({ regionCode: writer.code, regionName, builtAt, stockCursor, tables: snapshotTables as never, files });
      const listed: WrittenFile[] = [...writer.files];
      listed.push(writeSmallFile(join(writer.dir, dataPackageFileName), `${JSON.stringify(descriptor, null, 2)}\n`));
      // The checksum file covers every other file of the region, datapackage.json included.
      listed.push(writeSmallFile(join(writer.dir, checksumFileName), checksumList(listed)));
      index.regions.push({ code: writer.code, name: regionName, level: writer.level, files: listed });
    }
    swapInBuild(root, buildId, index);
    const seconds = (performance.now() - started) / 1000;
    log(`  snapshot ${buildId}: ${facilities} facilities, ${stockRows} stock rows, ${seconds.toFixed(1)} s`);
    return { buildId, index, seconds };
  } catch (error) {
    for (const writer of regions.values()) writer.abort();
    rmSync(buildDir, { recursive: true, force: true });
    throw error;
  }
}
