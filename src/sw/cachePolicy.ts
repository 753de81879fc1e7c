/**
 * What the service worker may keep on the phone, and how a kept copy is marked.
 * Pure so that it can be tested without a browser; the worker and the pages share it.
 */

/** Set by the worker on every stored page: the moment the copy was saved, as an ISO timestamp. */
export const savedAtHeader = 'x-offline-saved-at';

/** The page cache; the offline page lists what is in it. */
export const pagesCacheName = 'pages';

// Staff screens, a citizen's own report status, private alert feeds and APIs carry personal or per-user data.
const privatePaths = [/^\/staff(\/|$)/, /^\/report\/status/, /^\/alerts\//, /^\/api\//];

/**
 * A response may be stored only when it is a public page: a successful answer on a public path that the
 * server did not mark private. Set-Cookie is hidden from service workers, so the server's `no-store`/`private`
 * (sent with every personal answer) is what the worker can go by.
 */
export function mayStorePage(url: URL, response: { ok: boolean; type?: string; headers: Headers }): boolean {
  if (!response.ok || response.type === 'opaque' || response.type === 'opaqueredirect') return false;
  if (privatePaths.some((path) => path.test(url.pathname))) return false;
  const cacheControl = response.headers.get('cache-control')?.toLowerCase() ?? '';
  if (/\b(no-store|private)\b/.test(cacheControl)) return false;
  if (response.headers.has('set-cookie')) return false;
  return true;
}

/** Whether a navigation URL is private, so the worker never even answers it from the cache. */
export function isPrivatePath(pathname: string): boolean {
  return privatePaths.some((path) => path.test(pathname));
}
