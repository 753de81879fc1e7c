const probeOrigin = 'http://portal.invalid';

/**
 * A redirect target from a form or query string, if it is a path on this site; otherwise `fallback`. Refused:
 * `//host` and `/\host` (browsers read `\` as `/`, so both leave the site), schemes, whitespace and control or
 * format characters (a line break or U+202E hides what the address says), and anything over 2,000 characters.
 */
export function sameSitePath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/')) return fallback;
  if (/[\\\s\p{Cc}\p{Cf}]/u.test(value) || value.startsWith('//')) return fallback;
  try {
    return new URL(value, probeOrigin).origin === probeOrigin ? value : fallback;
  } catch {
    return fallback;
  }
}
