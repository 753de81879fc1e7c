import { portal } from '../portal.ts';
import { latestStockReportAt } from '../store/stockStore.ts';

export interface SiteFooterView {
  /** When the newest stock fact arrived, or null when there is none or the store did not answer. */
  latestStockAt: string | null;
}

// Every page shows the footer; the freshness line may lag a minute, so one store read serves every page for
// that minute instead of one read per page view.
const ttlMs = 60_000;
let cached: { at: number; view: Promise<SiteFooterView> } | undefined;

export function siteFooterView(now = Date.now()): Promise<SiteFooterView> {
  if (!cached || now - cached.at > ttlMs) {
    const view = portal()
      .then((p) => latestStockReportAt(p.store))
      .then((latestStockAt) => ({ latestStockAt }))
      // A footer must never take a page down: a store hiccup shows "no stock yet" wording for a minute.
      .catch(() => ({ latestStockAt: null }));
    cached = { at: now, view };
  }
  return cached.view;
}
