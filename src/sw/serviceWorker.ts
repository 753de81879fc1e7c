/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { mayStorePage, pagesCacheName, savedAtHeader } from './cachePolicy.ts';
import { deliverQueuedReports, outboxSyncTag } from './reportOutbox.ts';

declare const self: ServiceWorkerGlobalScope;

const offlinePage = '/offline';
const shellCache = 'shell-v2';

/**
 * Marks each stored page with the moment it was saved, and stamps that moment into the HTML when the copy
 * is served, so that the page can say "离线副本，保存于 3 小时前" instead of passing old stock off as current.
 */
const honestOfflineCopies = {
  cacheWillUpdate: async ({ request, response }: { request: Request; response: Response }) => {
    if (!mayStorePage(new URL(request.url), response)) return null;
    const headers = new Headers(response.headers);
    headers.set(savedAtHeader, new Date().toISOString());
    return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
  },
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) => {
    const savedAt = cachedResponse?.headers.get(savedAtHeader);
    if (!cachedResponse || !savedAt) return cachedResponse ?? null;
    const html = await cachedResponse.text();
    const marked = html.replace('</head>', `<meta name="offline-saved-at" content="${savedAt}"></head>`);
    return new Response(marked, { status: cachedResponse.status, headers: cachedResponse.headers });
  },
};

/** Caches the assets and, following `import "./chunk.js"` in each script, every chunk they load. */
async function precacheWithImports(paths: readonly string[]): Promise<void> {
  const assets = await caches.open('assets');
  const seen = new Set<string>();
  const queue = [...paths];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await fetch(path);
    if (!response.ok) continue;
    await assets.put(path, response.clone());
    if (!path.endsWith('.js')) continue;
    for (const [, chunk] of (await response.text()).matchAll(/["'](\.\/[\w.-]+\.js)["']/g)) {
      if (chunk) queue.push(new URL(chunk, new URL(path, self.location.origin)).pathname);
    }
  }
}

// The offline page is fetched at install so that a citizen on a dropped connection gets a useful answer.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCache);
      await cache.addAll([offlinePage, '/favicon.svg', '/manifest.webmanifest']);
      // The offline page's own script (which lists saved pages and the watch list) and the chunks it imports
      // are bundles no other page may have loaded yet.
      const html = (await (await cache.match(offlinePage))?.text()) ?? '';
      await precacheWithImports(html.match(/\/_astro\/[\w.-]+\.(?:js|css)/g) ?? []);
    })(),
  );
});
clientsClaim();

// A new version waits until the citizen taps "有新版本，点此更新" (src/sw/updatePrompt.ts), never mid-form.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Reports written without signal: the browser wakes the worker when the connection returns. A failed round
// rejects, so the browser tries again later.
self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag: string };
  if (sync.tag !== outboxSyncTag) return;
  sync.waitUntil(
    deliverQueuedReports().then((allSent) => {
      if (!allSent) throw new Error('reports still waiting');
    }),
  );
});

// Pages: the network first (stock changes through the day), the last copy seen when the network is slow or gone.
registerRoute(
  new NavigationRoute(
    new NetworkFirst({
      cacheName: pagesCacheName,
      networkTimeoutSeconds: 4,
      plugins: [honestOfflineCopies, new ExpirationPlugin({ maxEntries: 50, maxAgeSeconds: 7 * 24 * 3600 })],
    }),
    { denylist: [/^\/staff/, /^\/api\//, /^\/report\/status/, /^\/alerts\//] },
  ),
);

// Built assets have content hashes in their names, so a cached copy is never stale.
registerRoute(({ url }) => url.pathname.startsWith('/_astro/'), new CacheFirst({ cacheName: 'assets', plugins: [new ExpirationPlugin({ maxEntries: 100 })] }));

// Search suggestions may be a little old when offline; that beats nothing.
registerRoute(
  ({ url }) => url.pathname === '/api/search',
  new StaleWhileRevalidate({ cacheName: 'search', plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 24 * 3600 })] }),
);

setCatchHandler(async ({ request }) => {
  if (request.destination === 'document') return (await caches.match(offlinePage)) ?? Response.error();
  return Response.error();
});
