import { createHash } from 'node:crypto';

/**
 * Public pages that are the same for every visitor get a short shared cache life, so that a CDN or the
 * browser absorbs a rush of repeats. Never staff pages, /report* or anything setting a cookie.
 */
const cacheablePages = new Set([
  '/',
  '/search',
  '/drugs/[id]',
  '/facilities/[id]',
  '/shortages',
  '/shortages/[listKey]/history',
  '/notices',
  '/notices/[region]/[quarter]',
  '/clarifications',
  '/clarifications/[year]/[slug]',
  '/data-notes',
]);

// A CDN keeps a page a minute (s-maxage); a browser revalidates every visit (max-age=0) and gets a 304 when nothing
// changed, so a correction approved a moment ago is what the next visit shows.
export const publicPageCacheControl = 'public, max-age=0, s-maxage=60';

export function isCacheablePage(route: string): boolean {
  return cacheablePages.has(route);
}

/** Strong, because the bytes are hashed; the coding is part of it since each encoding is its own representation. */
export function strongEtag(body: Buffer, coding: string | null): string {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return `"${hash}${coding ? `-${coding}` : ''}"`;
}

export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === etag);
}
