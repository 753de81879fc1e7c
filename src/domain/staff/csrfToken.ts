import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Synchronizer tokens for staff forms. Astro's Origin check already stops most cross-site posts; the token
 * also covers browsers or proxies that drop the Origin header, and same-site pages we do not control.
 */
export const csrfFieldName = '_csrf';

/** 32 random bytes, URL-safe so that it survives a hidden field and a cookie unchanged. */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so that tokens of different lengths compare in the
 * same time too (timingSafeEqual itself throws on unequal lengths, which would leak the length).
 */
export function csrfTokensMatch(expected: string | null | undefined, submitted: unknown): boolean {
  if (!expected || typeof submitted !== 'string' || submitted === '') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(expected), digest(submitted));
}
