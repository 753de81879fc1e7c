import type { OutgoingHttpHeaders } from 'node:http';
import { chooseCoding, compressBody, isCompressibleType, worthCompressing } from './compression.ts';
import { isCacheablePage, matchesIfNoneMatch, publicPageCacheControl, strongEtag } from './publicCaching.ts';

/** A whole answer held in memory just before it is written: status, lower-case headers, body bytes. */
export interface OutgoingAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface RequestFacts {
  method: string;
  route: string;
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
  hasCookie: boolean;
}

function headerText(value: OutgoingHttpHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function addVary(headers: OutgoingHttpHeaders, token: string): void {
  const existing = headerText(headers.vary);
  const tokens = existing ? existing.split(',').map((t) => t.trim()) : [];
  if (!tokens.some((t) => t.toLowerCase() === token.toLowerCase() || t === '*')) tokens.push(token);
  headers.vary = tokens.join(', ');
}

/**
 * The last step for every buffered answer, whoever made it: public pages get a short cache life, cacheable
 * answers a strong ETag (and 304 on a match), and text bodies brotli or gzip as the client accepts.
 */
export function finishAnswer(answer: OutgoingAnswer, request: RequestFacts): OutgoingAnswer {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) headers[name.toLowerCase()] = value;
  const readable = request.method === 'GET' || request.method === 'HEAD';
  const setsCookie = headers['set-cookie'] !== undefined;
  const pageIsCacheable = answer.status === 200 && readable && !setsCookie && isCacheablePage(request.route);
  if (pageIsCacheable && headers['cache-control'] === undefined) {
    // The text-size cookie changes the page, so a visitor who has one gets it revalidated for them alone.
    headers['cache-control'] = request.hasCookie ? 'private, no-cache' : publicPageCacheControl;
    addVary(headers, 'Cookie');
  }
  const contentType = headerText(headers['content-type']);
  const compressible = isCompressibleType(contentType) && headers['content-encoding'] === undefined;
  if (compressible) addVary(headers, 'Accept-Encoding');
  const coding = worthCompressing(contentType, headers['content-encoding'] !== undefined, answer.body.length) ? chooseCoding(request.acceptEncoding) : null;
  const cacheControl = headerText(headers['cache-control']) ?? '';
  const wantsEtag = answer.status === 200 && readable && !setsCookie && (pageIsCacheable || /\bpublic\b/.test(cacheControl)) && !/no-store/.test(cacheControl);
  if (wantsEtag && headers.etag === undefined) headers.etag = strongEtag(answer.body, coding);
  const etag = headerText(headers.etag);
  if (wantsEtag && etag && matchesIfNoneMatch(request.ifNoneMatch, etag)) {
    delete headers['content-length'];
    delete headers['content-encoding'];
    return { status: 304, headers, body: Buffer.alloc(0) };
  }
  let body = answer.body;
  if (coding) {
    body = compressBody(body, coding);
    headers['content-encoding'] = coding;
  }
  headers['content-length'] = String(body.length);
  return { status: answer.status, headers, body };
}

/**
 * A shared answer (from the microcache) given to one request: 304 when the client already holds these bytes.
 * The same test finishAnswer makes, for answers finished without the request's If-None-Match.
 */
export function answerConditionally(answer: OutgoingAnswer, ifNoneMatch: string | undefined): OutgoingAnswer {
  const etag = headerText(answer.headers.etag);
  if (answer.status !== 200 || !etag || !matchesIfNoneMatch(ifNoneMatch, etag)) return answer;
  const headers = { ...answer.headers };
  delete headers['content-length'];
  delete headers['content-encoding'];
  return { status: 304, headers, body: Buffer.alloc(0) };
}

/** Reads a web Response (our own answers and the availability endpoint's) into an OutgoingAnswer. */
export async function answerFromResponse(response: Response): Promise<OutgoingAnswer> {
  const headers: OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}
