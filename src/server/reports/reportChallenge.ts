import { type AltchaChallenge, altchaParams, createAltchaChallenge, verifyAltchaSolution } from './altchaV1.ts';

/**
 * The proof-of-work challenge (ALTCHA protocol v1, which the browser can solve with Web Crypto alone). A
 * challenge is valid for 20 minutes — time to fill the form slowly — and its signature is spent in the store
 * with the report it opened, so a solved challenge cannot be replayed.
 */
export const challengeLifetimeMs = 20 * 60_000;

export function newReportChallenge(hmacKey: string, maxNumber: number, now = new Date()): AltchaChallenge {
  return createAltchaChallenge(hmacKey, maxNumber, new Date(now.getTime() + challengeLifetimeMs));
}

export type ChallengeCheck =
  | { ok: true; signature: string; expiresAt: string }
  | { ok: false; code: 'challenge_missing' | 'challenge_failed' };

/** `payload` is what the widget sends: base64 JSON of { algorithm, challenge, number, salt, signature }. */
export function checkReportChallenge(payload: unknown, hmacKey: string): ChallengeCheck {
  if (typeof payload !== 'string' || payload.length === 0 || payload.length > 2000) return { ok: false, code: 'challenge_missing' };
  // Checks the HMAC signature, the hash and the expiry in the salt.
  if (!verifyAltchaSolution(payload, hmacKey)) return { ok: false, code: 'challenge_failed' };
  const { signature, salt } = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature: string; salt: string };
  const expires = Number(altchaParams(salt).expires);
  const expiresAt = new Date(Number.isFinite(expires) ? expires * 1000 : Date.now() + challengeLifetimeMs).toISOString();
  return { ok: true, signature, expiresAt };
}
