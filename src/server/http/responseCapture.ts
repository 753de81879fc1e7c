import { type OutgoingHttpHeaders, STATUS_CODES, type ServerResponse } from 'node:http';
import { isCompressibleType } from './compression.ts';
import type { OutgoingAnswer } from './outgoingAnswer.ts';

/** Bodies larger than this are passed through as they come, so buffering never holds much memory per request. */
const maxBufferedBytes = 2 * 1024 * 1024;

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function lowerCaseHeaders(res: ServerResponse, extra: OutgoingHttpHeaders | undefined): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ...res.getHeaders() };
  for (const [name, value] of Object.entries(extra ?? {})) if (value !== undefined) headers[name.toLowerCase()] = value;
  return headers;
}

/**
 * Lets the outer handler finish what Astro (or its static file server) writes: text bodies are held until
 * `end()` and then handed to `finish`, which may compress them, add an ETag or answer 304. Anything else
 * (PDFs, images, already-encoded or very large bodies) streams straight through untouched.
 */
export function captureTextResponses(res: ServerResponse, finish: (answer: OutgoingAnswer) => OutgoingAnswer): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  // After restore() these names point at Node's own methods again, so calls through `res` reach the socket.
  let status = 200;
  let headers: OutgoingHttpHeaders = {};
  let capturing: boolean | undefined;
  const chunks: Buffer[] = [];
  let size = 0;

  const restore = () => {
    res.writeHead = original.writeHead;
    res.write = original.write;
    res.end = original.end;
  };
  const passThrough = () => {
    restore();
    capturing = false;
    res.writeHead(status, headers);
    for (const chunk of chunks.splice(0)) res.write(chunk);
  };
  const decide = (code: number, extra: OutgoingHttpHeaders | undefined) => {
    status = code;
    headers = lowerCaseHeaders(res, extra);
    const type = headers['content-type'];
    const length = Number(headers['content-length'] ?? 0);
    capturing = isCompressibleType(typeof type === 'string' ? type : undefined) && headers['content-encoding'] === undefined && length <= maxBufferedBytes;
    if (!capturing) passThrough();
  };

  // Node calls writeHead(statusCode) itself on the first write when a handler set headers one by one.
  res.writeHead = ((code: number, ...rest: unknown[]) => {
    const extra = rest.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r)) as OutgoingHttpHeaders | undefined;
    decide(code, extra);
    return res;
  }) as ServerResponse['writeHead'];

  res.write = ((chunk: Chunk, encodingOrCallback?: BufferEncoding | Callback, callback?: Callback) => {
    if (capturing === undefined) decide(res.statusCode, undefined);
    if (!capturing) return res.write(chunk, encodingOrCallback as BufferEncoding, callback);
    const buffer = toBuffer(chunk, typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined);
    chunks.push(buffer);
    size += buffer.length;
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (size > maxBufferedBytes) passThrough();
    if (done) queueMicrotask(() => done(null));
    return true;
  }) as ServerResponse['write'];

  res.end = ((first?: Chunk | Callback, second?: BufferEncoding | Callback, third?: Callback) => {
    const chunk = typeof first === 'function' ? undefined : first;
    const encoding = typeof second === 'string' ? second : undefined;
    const done = [first, second, third].find((a): a is Callback => typeof a === 'function');
    if (capturing === undefined) decide(res.statusCode, undefined);
    if (!capturing) return chunk === undefined || chunk === null ? res.end(done) : res.end(chunk, encoding ?? 'utf8', done);
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    restore();
    const answer = finish({ status, headers, body: Buffer.concat(chunks) });
    if (answer.status !== status) res.statusMessage = STATUS_CODES[answer.status] ?? '';
    for (const name of res.getHeaderNames()) if (!(name in answer.headers)) res.removeHeader(name);
    res.writeHead(answer.status, answer.headers);
    return res.end(answer.body, done);
  }) as ServerResponse['end'];
}
