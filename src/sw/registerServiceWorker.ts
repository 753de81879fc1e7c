import { Workbox } from 'workbox-window';

/** Registers the offline-capable worker in production builds; the dev server has no sw.js. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js');
  workbox.register().catch(() => {
    // A failed registration only loses offline support; the site works the same.
  });
}
