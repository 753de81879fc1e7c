import { STATUS_CODES, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { securityHeaders } from './securityHeaders.ts';

/**
 * Time-outs that stop slow clients (slowloris: headers dribbled a byte at a time, bodies never finished) from
 * holding sockets. The reverse proxy in front normally buffers, so a real client never comes near these.
 */
export interface SlowClientLimits {
  /** Whole request headers must arrive within this. */
  headersTimeoutMs: number;
  /** Whole request, body included, must arrive within this (notice PDFs up to 12 MB on a slow phone). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two time-outs above; its default (30 s) would let a slow socket live far longer. */
  checkIntervalMs: number;
  maxHeadersCount: number;
  /** Bytes of request line and headers together; more is answered 431. */
  maxHeaderBytes: number;
}

export const defaultSlowClientLimits: SlowClientLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  maxHeadersCount: 100,
  maxHeaderBytes: 16 * 1024,
};

const clientErrorStatus: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'request_header_too_large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout'],
};

/** Written straight to the socket: the parser failed, so there is no request object to answer through. */
function rawJsonAnswer(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const headers = { ...securityHeaders(false), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close', 'content-length': String(Buffer.byteLength(body)) };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  // write-then-destroy rather than end(): a client still sending (a slowloris) would keep a half-closed socket.
  socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}

/** The portal's HTTP server: the handler, the slow-client limits, and answers for what never becomes a request. */
export function createPortalServer(handler: (req: IncomingMessage, res: ServerResponse) => void, log: Logger, limits: SlowClientLimits = defaultSlowClientLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      maxHeaderSize: limits.maxHeaderBytes,
    },
    handler,
  );
  server.maxHeadersCount = limits.maxHeadersCount;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    log.debug({ code: error.code }, 'client error');
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, code] = clientErrorStatus[error.code ?? ''] ?? [400, 'bad_request'];
    rawJsonAnswer(socket, status, code, status === 400 ? '无法解析的请求 / malformed request' : status === 431 ? '请求头过大 / request headers too large' : '请求超时 / request timed out');
  });
  // CONNECT never reaches the request handler; without a listener Node would just drop the socket.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    rawJsonAnswer(socket, 405, 'method_not_allowed', '不支持此请求方式 / method not allowed');
  });
  return server;
}
