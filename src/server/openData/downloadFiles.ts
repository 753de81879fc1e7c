import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { WrittenFile } from '../../domain/openData/dataPackage.ts';
import { snapshotRegionCode } from '../../domain/openData/snapshotRegions.ts';
import { apiError } from '../http/apiResponse.ts';
import { type CurrentBuild, currentBuild, indexFileName } from './snapshotDirectory.ts';

/**
 * Builds come at most every quarter of an hour (snapshotSchedule.ts), so a CDN or browser may keep a file that
 * long and then revalidate (a 304 costs nothing); the index, the entry point, only a minute.
 */
const fileCacheControl = 'public, max-age=900, stale-while-revalidate=300';
const indexCacheControl = 'public, max-age=60';

function contentTypeOf(name: string): string {
  if (name.endsWith('.gz')) return 'application/gzip';
  if (name.endsWith('.json')) return 'application/json; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** True when the client's copy (If-None-Match, else If-Modified-Since) is this file as built. */
function clientHasIt(request: Request, etag: string, builtAt: string): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
  const since = Date.parse(request.headers.get('if-modified-since') ?? '');
  // HTTP dates have whole seconds; a build within the second of the client's date counts as the same.
  return !Number.isNaN(since) && Math.floor(Date.parse(builtAt) / 1000) * 1000 <= since;
}

/** A file to send (status, headers and where it is on disk, null for 304 or HEAD), or a whole error answer. */
export type DownloadAnswer = { status: number; headers: Record<string, string>; path: string | null } | Response;

function fileAnswer(request: Request, path: string, file: WrittenFile, build: CurrentBuild, download: string | null, cacheControl: string): DownloadAnswer {
  // Text files may be compressed on the way out, so their tag is weak (same content, other bytes); .gz are sent as stored.
  const tag = `"${file.sha256.slice(0, 32)}"`;
  const etag = file.name.endsWith('.gz') ? tag : `W/${tag}`;
  const headers: Record<string, string> = {
    'content-type': contentTypeOf(file.name),
    'cache-control': cacheControl,
    etag,
    'last-modified': new Date(build.index.builtAt).toUTCString(),
    'x-content-type-options': 'nosniff',
  };
  if (download) headers['content-disposition'] = `attachment; filename="${download}"`;
  if (clientHasIt(request, etag, build.index.builtAt)) return { status: 304, headers, path: null };
  headers['content-length'] = String(file.bytes);
  return { status: 200, headers, path: request.method === 'HEAD' ? null : path };
}

/** The web Response for Astro's route: the file streamed from disk in 64 KiB reads, never held whole. */
export function asResponse(answer: DownloadAnswer): Response {
  if (answer instanceof Response) return answer;
  const body = answer.path ? (Readable.toWeb(createReadStream(answer.path, { highWaterMark: 64 * 1024 })) as ReadableStream<Uint8Array>) : null;
  return new Response(body, { status: answer.status, headers: answer.headers });
}

function notBuiltYet(): Response {
  const response = apiError(503, 'snapshot_not_ready', '首份数据快照正在生成，请稍后再试 / the first snapshot is being built');
  response.headers.set('retry-after', '60');
  return response;
}

/** GET /open-data/downloads/index.json: the current build's list of files, sizes, checksums and build time. */
export function downloadIndexAnswer(root: string, request: Request): DownloadAnswer {
  const build = currentBuild(root);
  if (!build) return notBuiltYet();
  return fileAnswer(request, join(build.dir, indexFileName), build.indexFile, build, null, indexCacheControl);
}

/** GET /open-data/downloads/{region}/{file}: one file of the current build, only if its index lists it. */
export function downloadFileAnswer(root: string, request: Request, region: string | undefined, name: string | undefined): DownloadAnswer {
  const notFound = () => apiError(404, 'not_found', '没有这个下载文件，请查看 /open-data/downloads/index.json / no such file', 'file');
  if (!region || !snapshotRegionCode.test(region) || !name) return notFound();
  const build = currentBuild(root);
  if (!build) return notBuiltYet();
  const file = build.index.regions.find((r) => r.code === region)?.files.find((f) => f.name === name);
  if (!file) return notFound();
  return fileAnswer(request, join(build.dir, region, file.name), file, build, `${region}-${file.name}`, fileCacheControl);
}

export const downloadIndexResponse = (root: string, request: Request) => asResponse(downloadIndexAnswer(root, request));
export const downloadFileResponse = (root: string, request: Request, region: string | undefined, name: string | undefined) =>
  asResponse(downloadFileAnswer(root, request, region, name));
