import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSlowClientLimits } from '../../../src/server/http/serverTimeouts.ts';
import { type EdgeServer, startEdge } from './edgeTestServer.ts';

let edge: EdgeServer;
// The production limits, shortened so that the test takes about a second.
const limits = { ...defaultSlowClientLimits, headersTimeoutMs: 600, requestTimeoutMs: 1200, checkIntervalMs: 100 };

beforeAll(async () => {
  edge = await startEdge({ limits });
});

afterAll(async () => {
  await edge?.close();
});

/** A slowloris client: a request line, then one header byte now and then, never the blank line. */
function dribbler(port: number): { socket: Socket; closed: Promise<number> } {
  const socket = connect(port, '127.0.0.1');
  const opened = performance.now();
  socket.on('error', () => {});
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
  const timer = setInterval(() => socket.writable && socket.write('X-a: b\r\n'), 100);
  const closed = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(performance.now() - opened);
    }),
  );
  return { socket, closed };
}

describe('slow clients', () => {
  test('sockets that dribble headers are closed within the time-out while a normal request still answers quickly', async () => {
    const slow = Array.from({ length: 60 }, () => dribbler(edge.port));
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    const normal = await fetch(`http://127.0.0.1:${edge.port}/`);
    expect(normal.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(500);
    const lifetimes = await Promise.all(slow.map((s) => s.closed));
    expect(Math.max(...lifetimes)).toBeLessThan(limits.headersTimeoutMs + 3 * limits.checkIntervalMs + 500);
  });
});
