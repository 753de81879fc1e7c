import { describe, expect, it } from 'vitest';
import { isPrivatePath, mayStorePage } from '../../src/sw/cachePolicy.ts';

const page = (headers: Record<string, string> = {}, ok = true) => ({ ok, type: 'basic', headers: new Headers(headers) });
const at = (path: string) => new URL(path, 'https://example.test');

describe('what the service worker may store', () => {
  it('stores public drug, facility and list pages', () => {
    expect(mayStorePage(at('/drugs/W078'), page({ 'content-type': 'text/html' }))).toBe(true);
    expect(mayStorePage(at('/facilities/F1'), page())).toBe(true);
    expect(mayStorePage(at('/shortages'), page())).toBe(true);
  });

  it('never stores staff pages, a report status, private alert feeds or API answers', () => {
    for (const path of ['/staff', '/staff/audit', '/report/status?id=1', '/alerts/abc/feed.json', '/api/search?q=a']) {
      expect(mayStorePage(at(path), page()), path).toBe(false);
      expect(isPrivatePath(at(path).pathname), path).toBe(true);
    }
    expect(isPrivatePath('/staffing-notes')).toBe(false);
  });

  it('never stores an answer the server marked personal or one that sets a cookie', () => {
    expect(mayStorePage(at('/drugs/W078'), page({ 'cache-control': 'no-store' }))).toBe(false);
    expect(mayStorePage(at('/drugs/W078'), page({ 'cache-control': 'Private, max-age=60' }))).toBe(false);
    expect(mayStorePage(at('/drugs/W078'), page({ 'set-cookie': 'session=1' }))).toBe(false);
  });

  it('never stores failures or opaque answers', () => {
    expect(mayStorePage(at('/drugs/W078'), page({}, false))).toBe(false);
    expect(mayStorePage(at('/drugs/W078'), { ok: true, type: 'opaque', headers: new Headers() })).toBe(false);
  });
});
