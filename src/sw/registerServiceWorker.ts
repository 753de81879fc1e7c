import { Workbox } from 'workbox-window';
import { noticeUnsavedInput } from './unsavedInput.ts';
import { offerUpdate } from './updatePrompt.ts';

/** Registers the offline-capable worker in production builds; the dev server has no sw.js. */
export function registerServiceWorker(updateSlot: HTMLElement | null): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  noticeUnsavedInput();
  const workbox = new Workbox('/sw.js');
  offerUpdate(workbox, updateSlot);
  workbox.register().catch(() => {
    // A failed registration only loses offline support; the site works the same.
  });
}
