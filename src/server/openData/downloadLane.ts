import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { type DownloadAnswer, downloadFileAnswer, downloadIndexAnswer } from './downloadFiles.ts';

const downloadPath = /^\/open-data\/downloads\/(?:index\.json|([^/]+)\/([^/]+))$/;

export function isDownloadPath(pathname: string): boolean {
  return downloadPath.test(pathname);
}

/** The request's headers as a web Request carries them, for the same decision the Astro route makes. */
function requestOf(req: IncomingMessage, pathname: string): Request {
  const headers = new Headers();
  for (const name of ['if-none-match', 'if-modified-since'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request(new URL(pathname, 'http://portal.local'), { method: req.method === 'HEAD' ? 'HEAD' : 'GET', headers });
}

/**
 * Answers a download in front of Astro (docs/decisions/006, second hot path): the file piped from disk to the
 * socket, without Astro's per-request work or the copies of a web stream. bench:opendata showed citizens' p95
 * rising several times while three clients downloaded through Astro. Resolves when the answer is sent.
 */
export async function serveDownload(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const [, region, file] = downloadPath.exec(pathname) ?? [];
  const request = requestOf(req, pathname);
  const answer: DownloadAnswer = region === undefined ? downloadIndexAnswer(root, request) : downloadFileAnswer(root, request, region, file);
  if (answer instanceof Response) {
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { ...headers, 'content-length': String(body.length) });
    res.end(body);
    return;
  }
  res.writeHead(answer.status, answer.headers);
  if (!answer.path) {
    res.end();
    return;
  }
  // A client that goes away mid-file ends the pipeline with an error; that is not the server's fault.
  await pipeline(createReadStream(answer.path, { highWaterMark: 256 * 1024 }), res).catch(() => res.destroy());
}
