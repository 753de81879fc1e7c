import { reportAge } from '../stock/freshness.ts';

/** "离线副本，保存于 3 小时前": tells a citizen the page is a saved copy and how old it is. */
export function offlineCopyLabel(savedAt: string, now: Date): string {
  const age = reportAge(savedAt, now).label;
  // "保存于 刚刚" is not Chinese anyone would write.
  return age === '刚刚' ? '离线副本，刚刚保存' : `离线副本，保存于 ${age}`;
}

/** Stock facts in a saved copy may have changed since; the citizen should check before travelling. */
export const confirmOnlineLabel = '请联网确认';

export interface SavedPage {
  path: string;
  title: string;
  savedAt: string;
}

export type SavedPageKind = 'drug' | 'facility' | 'list' | 'other';

/** Groups saved pages for the offline page: the kinds a citizen looks for first. */
export function savedPageKind(path: string): SavedPageKind {
  if (path.startsWith('/drugs/')) return 'drug';
  if (path.startsWith('/facilities/')) return 'facility';
  if (path === '/shortages' || path.startsWith('/shortages/') || path === '/search' || path.startsWith('/search?')) return 'list';
  return 'other';
}

/** Newest first, one entry per path, with the age label the offline page shows. */
export function savedPagesForDisplay(pages: SavedPage[], now: Date): (SavedPage & { kind: SavedPageKind; ageLabel: string })[] {
  const newest = new Map<string, SavedPage>();
  for (const page of pages) {
    const seen = newest.get(page.path);
    if (!seen || seen.savedAt < page.savedAt) newest.set(page.path, page);
  }
  return [...newest.values()]
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    .map((page) => ({ ...page, kind: savedPageKind(page.path), ageLabel: reportAge(page.savedAt, now).label }));
}
