import { savedPagesForDisplay, type SavedPage, type SavedPageKind } from '../domain/offline/offlineCopy.ts';
import { pagesCacheName, savedAtHeader } from './cachePolicy.ts';

const kindLabel: Record<SavedPageKind, string> = { drug: '药品', facility: '医疗机构', list: '清单', other: '其他页面' };

/** Reads the pages the service worker saved, so the offline page can offer them by name and age. */
async function readSavedPages(): Promise<SavedPage[]> {
  if (!('caches' in window)) return [];
  const cache = await caches.open(pagesCacheName);
  const pages: SavedPage[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const savedAt = response?.headers.get(savedAtHeader);
    if (!response || !savedAt) continue;
    const title = /<title>([^<]*)<\/title>/.exec(await response.text())?.[1]?.split(' - ')[0] ?? request.url;
    const url = new URL(request.url);
    pages.push({ path: url.pathname + url.search, title, savedAt });
  }
  return pages;
}

/** Fills the offline page's list of saved pages; leaves the "nothing saved" note when there is none. */
export async function listSavedPages(list: HTMLElement): Promise<void> {
  const pages = savedPagesForDisplay(await readSavedPages(), new Date()).filter((page) => page.path !== '/offline');
  if (pages.length === 0) return;
  list.replaceChildren(
    ...pages.map((page) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = page.path;
      link.textContent = page.title;
      item.append(`${kindLabel[page.kind]}：`, link, `（保存于 ${page.ageLabel}）`);
      return item;
    }),
  );
}
