import type { OutgoingAnswer } from './outgoingAnswer.ts';

/**
 * A few seconds of memory for public answers that are the same for every visitor (home, drug pages, the
 * availability API). On the day a shortage rumour spreads, tens of thousands of distinct phones ask for the
 * same few pages within a minute: none of them has a browser copy, so ETags do not help, and without a CDN in
 * front each would render the page again. Here the first request renders and every request for the same
 * page in the next seconds, including those arriving while it renders, gets the same bytes. The answers
 * already let a shared cache keep them a minute (`s-maxage=60`), so a few seconds here stays within that.
 */
export interface Microcache {
  /** A fresh answer, or the render already under way for this key, or undefined when this request must render. */
  lookup(key: string): OutgoingAnswer | Promise<OutgoingAnswer | null> | undefined;
  /** Claims the render for `key`; settle with the answer to keep (or null when it must not be shared). */
  claim(key: string): (answer: OutgoingAnswer | null) => void;
  /** Forgets every kept answer: something was just written, and the next visitor should see it. */
  clear(): void;
}

export function microcache(options: { ttlMs: number; maxEntries: number; now?: () => number }): Microcache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { storedAt: number; answer: OutgoingAnswer }>();
  const renders = new Map<string, Promise<OutgoingAnswer | null>>();
  return {
    lookup(key) {
      const entry = entries.get(key);
      if (entry && now() - entry.storedAt < options.ttlMs) return entry.answer;
      if (entry) entries.delete(key);
      return renders.get(key);
    },
    claim(key) {
      let settle: (answer: OutgoingAnswer | null) => void = () => {};
      renders.set(key, new Promise((resolve) => (settle = resolve)));
      let settled = false;
      return (answer) => {
        if (settled) return;
        settled = true;
        renders.delete(key);
        if (answer) {
          // Insertion order is age order: the oldest entry makes room, so memory stays bounded.
          if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as string);
          entries.set(key, { storedAt: now(), answer });
        }
        settle(answer);
      };
    },
    clear() {
      entries.clear();
    },
  };
}

/** Only answers that are public for everyone are shared: a 200 with `public` caching and no cookie set. */
export function isShareable(answer: OutgoingAnswer): boolean {
  const cacheControl = String(answer.headers['cache-control'] ?? '');
  return answer.status === 200 && answer.headers['set-cookie'] === undefined && /\bpublic\b/.test(cacheControl) && !/no-store|private/.test(cacheControl);
}

/**
 * The key of a request that may be shared, or null. A request with cookies other than the text-size choice
 * (a staff session, a remembered location) may see a page made for it alone, so it always renders.
 */
export function shareKey(request: { method: string; url: string; cookie: string | undefined; coding: string | null }): string | null {
  if (request.method !== 'GET') return null;
  let textSize = '';
  for (const part of (request.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (!name) continue;
    if (name !== 'text-size') return null;
    textSize = value ?? '';
  }
  return `${request.url}\n${textSize}\n${request.coding ?? ''}`;
}
