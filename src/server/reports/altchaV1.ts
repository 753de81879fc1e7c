import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * ALTCHA protocol v1 (what `altcha-lib/v1` and the widget speak), with Node's synchronous hashing. altcha-lib
 * computes the same two digests with Web Crypto, whose per-call overhead measured ~300 µs of CPU per
 * verification, a tenth of a report's budget at the throughput goal; node:crypto does it in ~20 µs. A test
 * holds this module to altcha-lib both ways (tests/server/reports/altchaV1.test.ts). SHA-256 only: the only
 * algorithm the portal issues, so a payload naming another is refused.
 */
export interface AltchaChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const hmacHex = (text: string, key: string) => createHmac('sha256', key).update(text).digest('hex');

export function createAltchaChallenge(hmacKey: string, maxNumber: number, expires: Date): AltchaChallenge {
  // As altcha-lib: 12 random bytes in hex, the expiry as a parameter, and '&' closing it against splicing.
  const salt = `${randomBytes(12).toString('hex')}?expires=${Math.floor(expires.getTime() / 1000)}&`;
  const challenge = sha256Hex(`${salt}${randomInt(maxNumber + 1)}`);
  return { algorithm: 'SHA-256', challenge, maxnumber: maxNumber, salt, signature: hmacHex(challenge, hmacKey) };
}

interface Payload {
  algorithm?: unknown;
  challenge?: unknown;
  number?: unknown;
  salt?: unknown;
  signature?: unknown;
}

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The salt's parameters (expires=…), as altcha-lib's extractParams reads them. */
export function altchaParams(salt: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(salt.split('?')[1] ?? ''));
}

/** Whether a solved payload (base64 JSON, as the widget posts it) is ours, solved, and not expired at `now`. */
export function verifyAltchaSolution(payload: string, hmacKey: string, now = new Date()): boolean {
  let p: Payload;
  try {
    p = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
  } catch {
    return false;
  }
  if (p === null || typeof p !== 'object' || p.algorithm !== 'SHA-256') return false;
  if (typeof p.salt !== 'string' || typeof p.challenge !== 'string' || typeof p.signature !== 'string') return false;
  if (typeof p.number !== 'number' || !Number.isSafeInteger(p.number) || p.number < 0) return false;
  const expires = altchaParams(p.salt).expires;
  if (expires !== undefined) {
    const at = Number.parseInt(expires, 10) * 1000;
    if (Number.isNaN(at) || at < now.getTime()) return false;
  }
  const challenge = sha256Hex(`${p.salt}${p.number}`);
  return sameHex(challenge, p.challenge) && sameHex(hmacHex(challenge, hmacKey), p.signature);
}
