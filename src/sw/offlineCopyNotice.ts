import { confirmOnlineLabel, offlineCopyLabel } from '../domain/offline/offlineCopy.ts';

/**
 * When the service worker served a saved copy it stamped the save time into the page: say so at the top,
 * and flag every stock fact on the page, since stock changes through the day.
 */
export function showOfflineCopyNotice(doc: Document = document): void {
  const savedAt = doc.querySelector<HTMLMetaElement>('meta[name="offline-saved-at"]')?.content;
  if (!savedAt) return;
  const banner = doc.getElementById('offline-copy-banner');
  if (banner) {
    banner.textContent = `${offlineCopyLabel(savedAt, new Date())}。有货信息可能已变化，${confirmOnlineLabel}。`;
    banner.hidden = false;
  }
  for (const fact of doc.querySelectorAll('.status')) {
    const note = doc.createElement('span');
    note.className = 'offline-confirm';
    note.textContent = `（${confirmOnlineLabel}）`;
    fact.after(note);
  }
}
