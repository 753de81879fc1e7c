/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;

const offlinePage = '/offline';
const shellCache = 'shell-v1';

// The offline page is fetched at install so that a citizen on a dropped connection gets a useful answer.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(shellCache).then((cache) => cache.addAll([offlinePage, '/favicon.svg', '/manifest.webmanifest'])));
  void self.skipWaiting();
});
clientsClaim();

// Pages: the network first (stock changes through the day), the last copy seen when the network is slow or gone.
registerRoute(
  new NavigationRoute(
    new NetworkFirst({
      cacheName: 'pages',
      networkTimeoutSeconds: 4,
      plugins: [new ExpirationPlugin({ maxEntries: 50, maxAgeSeconds: 7 * 24 * 3600 })],
    }),
    { denylist: [/^\/staff/, /^\/api\//] },
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
