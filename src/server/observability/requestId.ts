import { randomUUID } from 'node:crypto';

/** An incoming X-Request-Id is kept only when it cannot smuggle anything into a log line or a header. */
const saneRequestId = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFor(incoming: string | string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate && saneRequestId.test(candidate) ? candidate : randomUUID();
}
