/** What the outer handler needs from a request line, or null when it cannot be understood. */
export interface RequestTarget {
  url: URL;
  /** Path as sent (percent-escapes kept, so `%2F` does not become a separator); known to decode cleanly. */
  pathname: string;
}

/**
 * Parses a request target without ever throwing: `new URL` throws on targets such as `http://[x/` and
 * decodeURIComponent on `%E0`, and either, thrown outside a promise, used to end the process.
 */
export function parseRequestTarget(rawUrl: string | undefined): RequestTarget | null {
  if (!rawUrl || rawUrl.length > 8192) return null;
  // Only origin-form targets (`/path?query`) are served; absolute and authority forms are proxy requests.
  if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) return null;
  try {
    const url = new URL(rawUrl, 'http://portal.local');
    // Route parameters are decoded later (by us and by Astro); a path that cannot be is refused here, once.
    decodeURIComponent(url.pathname);
    // Astro's standalone server refuses a target that decodeURI cannot read (a bad escape in the query too) with
    // a bare plain-text 400; refusing it here gives API callers the JSON error shape and everyone the headers.
    decodeURI(rawUrl);
    return { url, pathname: url.pathname };
  } catch {
    return null;
  }
}
