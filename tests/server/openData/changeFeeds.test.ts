import type { APIContext } from 'astro';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { GET as clarificationChanges } from '../../../src/pages/api/clarifications/changes.ts';
import { GET as noticeChanges } from '../../../src/pages/api/notices/changes.ts';
import { approveClarificationRevision, createClarification, withdrawClarification } from '../../../src/server/clarifications/clarificationActions.ts';
import { writeSettleMs } from '../../../src/server/openData/changeFeed.ts';
import { providePortal } from '../../../src/server/portal.ts';
import { type ClarificationTestBed, clarificationInput, openClarificationTestBed, publishedClarification } from '../clarifications/clarificationFixtures.ts';

let bed: ClarificationTestBed;
const ids: number[] = [];

const published = (slug: string) => publishedClarification(bed, clarificationInput({ title: `澄清 ${slug}`, slug }));

beforeAll(async () => {
  bed = await openClarificationTestBed();
  providePortal(bed.portal);
  for (const slug of ['one', 'two', 'three']) ids.push(await published(slug));
  await createClarification(bed.portal, bed.publisher, clarificationInput({ title: '尚未发布的草稿' }));
});
afterAll(async () => bed.portal.close());
afterEach(() => vi.useRealTimers());

type Page = { items: { id: number; status: string }[]; next: string; hasMore: boolean };

async function changes(query: string, route = clarificationChanges): Promise<{ status: number; body: Page & { error?: { code: string; field?: string } } }> {
  const response = await route({ url: new URL(`http://127.0.0.1:4321/api/clarifications/changes${query}`), params: {} } as unknown as APIContext);
  return { status: response.status, body: await response.json() };
}

/** Reads the feed as a mirror does once the writes have settled: from `since` to the end, `limit` at a time. */
async function follow(since: string, limit: number): Promise<{ seen: Page['items']; next: string }> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + writeSettleMs + 1000);
  const seen: Page['items'] = [];
  let cursor = since;
  for (;;) {
    const { status, body } = await changes(`?limit=${limit}&since=${cursor}`);
    expect(status).toBe(200);
    seen.push(...body.items);
    cursor = body.next;
    if (!body.hasMore) return { seen, next: cursor };
  }
}

describe('clarification change feed', () => {
  test('holds back what changed in the last seconds, then gives each public item once, drafts never', async () => {
    const { seen, next } = await follow('', 2);
    expect(seen.map((i) => i.id)).toEqual(ids);
    vi.useRealTimers();
    const fresh = await published('four');
    const heldBack = await changes(`?since=${next}`);
    expect([heldBack.body.items, heldBack.body.next, heldBack.body.hasMore]).toEqual([[], next, false]);
    expect((await follow(next, 2)).seen.map((i) => i.id)).toEqual([fresh]);
  });

  test('a withdrawal after the cursor comes through as the item again, with status withdrawn', async () => {
    const { next } = await follow('', 100);
    vi.useRealTimers();
    const [, second] = ids;
    if (second === undefined) throw new Error('fixture missing');
    const asked = await withdrawClarification(bed.portal, bed.reviewer, second, '数据有误');
    await approveClarificationRevision(bed.portal, bed.editor, second, asked.revision);
    const after = await follow(next, 100);
    expect(after.seen.map((i) => [i.id, i.status])).toEqual([[second, 'withdrawn']]);
  });

  test('refuses a cursor from another feed or a forged one, naming since, and a limit over 1000', async () => {
    const { next } = await follow('', 100);
    vi.useRealTimers();
    const response = await noticeChanges({ url: new URL(`http://127.0.0.1:4321/api/notices/changes?since=${next}`), params: {} } as unknown as APIContext);
    expect([response.status, (await response.json()).error]).toEqual([400, { code: 'invalid_cursor', message: expect.stringMatching(/^since: /), field: 'since' }]);
    expect((await changes('?since=abc%21')).body.error?.field).toBe('since');
    const tooMany = await changes('?limit=1001');
    expect([tooMany.status, tooMany.body.error?.field]).toEqual([400, 'limit']);
  });
});
