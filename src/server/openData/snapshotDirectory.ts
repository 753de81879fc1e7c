import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenFile } from '../../domain/openData/dataPackage.ts';

/*
 * On disk, under DATA_DIR/open-data:
 *   builds/.tmp-<id>/…   a build being written (never served: nothing points at it)
 *   builds/<id>/…        a finished build: index.json and one directory per region
 *   CURRENT              the id of the build being served, replaced by rename (atomic on POSIX)
 * A reader either sees the old id or the new one, and both name complete directories. The build before the
 * current one is kept, so a download that began just before the swap still finishes from its open file.
 */

export interface SnapshotRegionEntry {
  code: string;
  name: string | null;
  level: 'province' | 'city';
  files: WrittenFile[];
}

/** index.json of a build; served at /open-data/downloads/index.json (docs/api.md, "Bulk downloads"). */
export interface SnapshotIndex {
  buildId: string;
  builtAt: string;
  /** Stock change sequence number the build is complete up to. */
  stockSequence: number;
  /** Pass as `since` to GET /api/stock/changes to follow on from these files. */
  stockCursor: string;
  facilities: number;
  stockRows: number;
  regions: SnapshotRegionEntry[];
}

export const downloadsPath = '/open-data/downloads';
export const indexFileName = 'index.json';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a small file whole and durably, and says what was written. */
export function writeSmallFile(path: string, text: string): WrittenFile {
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(path, bytes, { flag: 'wx', flush: true });
  return { name: path.split('/').at(-1) ?? path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The published form of the index: each file with its URL, so a client needs no rule for building paths. */
function publicIndex(index: SnapshotIndex) {
  return {
    ...index,
    stockChangesUrl: `/api/stock/changes?since=${index.stockCursor}`,
    regions: index.regions.map((r) => ({ ...r, files: r.files.map((f) => ({ ...f, url: `${downloadsPath}/${r.code}/${f.name}` })) })),
  };
}
export type PublishedSnapshotIndex = ReturnType<typeof publicIndex>;

/** Finishes a written build and makes it the one served; older builds but the previous one are removed. */
export function swapInBuild(root: string, buildId: string, index: SnapshotIndex): void {
  const builds = join(root, 'builds');
  const temporary = join(builds, `.tmp-${buildId}`);
  writeSmallFile(join(temporary, indexFileName), `${JSON.stringify(publicIndex(index), null, 2)}\n`);
  const previous = currentBuildId(root);
  renameSync(temporary, join(builds, buildId));
  fsyncPath(builds);
  const pointer = join(root, 'CURRENT.tmp');
  writeFileSync(pointer, `${buildId}\n`, { flush: true });
  renameSync(pointer, join(root, 'CURRENT'));
  fsyncPath(root);
  for (const name of readdirSync(builds)) {
    if (name !== buildId && name !== previous && !name.startsWith('.tmp-')) rmSync(join(builds, name), { recursive: true, force: true });
  }
}

/** Removes builds left half-written by a process that died mid-build (none can be in progress: the job holds a lease). */
export function removeAbandonedBuilds(root: string): void {
  let names: string[];
  try {
    names = readdirSync(join(root, 'builds'));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith('.tmp-')) rmSync(join(root, 'builds', name), { recursive: true, force: true });
}

export function currentBuildId(root: string): string | null {
  try {
    const id = readFileSync(join(root, 'CURRENT'), 'utf8').trim();
    return /^[0-9A-Za-z-]+$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

export interface CurrentBuild {
  id: string;
  dir: string;
  index: SnapshotIndex;
  indexFile: WrittenFile;
}

let cached: CurrentBuild | null = null;

/** The build being served, its index read once per build (CURRENT is read on every call: it is tiny). */
export function currentBuild(root: string): CurrentBuild | null {
  const id = currentBuildId(root);
  if (id === null) return null;
  const dir = join(root, 'builds', id);
  if (cached?.dir === dir) return cached;
  try {
    const bytes = readFileSync(join(dir, indexFileName));
    const index = JSON.parse(bytes.toString('utf8')) as SnapshotIndex;
    cached = { id, dir, index, indexFile: { name: indexFileName, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } };
    return cached;
  } catch {
    return null;
  }
}
