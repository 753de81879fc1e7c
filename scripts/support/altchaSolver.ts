import { createHash } from 'node:crypto';

/**
 * Solves an ALTCHA v1 challenge the way the widget does (find n with sha256(salt + n) = challenge), with Node's
 * synchronous hashing: tests, the crash test and the benchmark spend milliseconds here, not the seconds a
 * browser's async Web Crypto loop takes. Returns the payload as the widget posts it.
 */
export interface AltchaChallenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
}

export function solveAltcha(c: AltchaChallenge): string {
  const max = c.maxnumber ?? 1_000_000;
  for (let n = 0; n <= max; n += 1) {
    if (createHash('sha256').update(`${c.salt}${n}`).digest('hex') === c.challenge) {
      return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt, signature: c.signature })).toString('base64');
    }
  }
  throw new Error('challenge has no solution up to its maxnumber');
}
