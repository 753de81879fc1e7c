import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge } from 'altcha-lib/v1/types';

/**
 * The proof-of-work challenge (ALTCHA protocol v1, which the browser can solve with Web Crypto alone). A
 * challenge is valid for 20 minutes — time to fill the form slowly — and its signature is spent in the store
 * with the report it opened, so a solved challenge cannot be replayed.
 */
export const challengeLifetimeMs = 20 * 60_000;

export function newReportChallenge(hmacKey: string, maxNumber: number, now = new Date()): Promise<Challenge> {
  return createChallenge({ hmacKey, maxNumber, expires: new Date(now.getTime() + challengeLifetimeMs) });
}

export type ChallengeCheck =
  | { ok: true; signature: string; expiresAt: string }
  | { ok: false; code: 'challenge_missing' | 'challenge_failed' };

interface SolvedPayload {
  signature?: unknown;
}

/** `payload` is what the widget sends: base64 JSON of { algorithm, challenge, number, salt, signature }. */
export async function checkReportChallenge(payload: unknown, hmacKey: string): Promise<ChallengeCheck> {
  if (typeof payload !== 'string' || payload.length === 0 || payload.length > 2000) return { ok: false, code: 'challenge_missing' };
  let decoded: SolvedPayload;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as SolvedPayload;
  } catch {
    return { ok: false, code: 'challenge_failed' };
  }
  if (typeof decoded.signature !== 'string') return { ok: false, code: 'challenge_failed' };
  // verifySolution checks the HMAC signature, the hash and the expiry in the salt.
  if (!(await verifySolution(payload, hmacKey, true).catch(() => false))) return { ok: false, code: 'challenge_failed' };
  const expires = Number(extractParams(payload).expires);
  const expiresAt = new Date(Number.isFinite(expires) ? expires * 1000 : Date.now() + challengeLifetimeMs).toISOString();
  return { ok: true, signature: decoded.signature, expiresAt };
}
