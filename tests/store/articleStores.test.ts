import { afterEach, beforeEach, expect, test } from 'vitest';
import { attachmentInUse, attachmentsOf, deleteAttachment, findAttachment, insertAttachment, noticeQueue } from '../../src/server/store/noticeStore.ts';
import {
  type ArticleInsert,
  dueScheduledIds,
  insertArticle,
  insertCorrection,
  loadArticle,
  loadArticleByPermalink,
  markDuePublished,
  takenSlugs,
} from '../../src/server/store/articleStore.ts';
import type { Store } from '../../src/server/store/openStore.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

const t0 = new Date('2026-03-02T01:00:00.000Z');

function draft(overrides: Partial<ArticleInsert> = {}): ArticleInsert {
  return {
    kind: 'clarification', state: 'draft', region_code: '360203', title: '关于布洛芬缺货传言的澄清', issuer: '珠山区卫生健康委',
    body_md: '经核实，**不实**。', category: 'false', data_json: '{"claim":"布洛芬全市断货"}', requested_slug: null, permalink_year: null,
    permalink_slug: null, publish_at: null, published_at: null, corrected_at: null, withdrawn_at: null, withdrawn_reason: null,
    review_note: null, author_id: 1, last_editor_id: 1, reviewer_id: null, created_at: t0.toISOString(), updated_at: t0.toISOString(),
    indexed_at: null, revision: 1, ...overrides,
  };
}

describeStores('article and notice stores', (open) => {
  let opened: TestStore;
  let store: Store;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
  });
  afterEach(async () => opened.close());

  test('stores an article with its drugs and corrections and finds it by permalink', async () => {
    const published = { state: 'published', permalink_year: 2026, permalink_slug: 'ibuprofen', published_at: t0.toISOString() } as const;
    const id = await insertArticle(store, draft(published), ['W078', 'W006', 'W078']);
    expect(typeof id).toBe('number');
    await insertCorrection(store, { article_id: id, corrected_at: t0.toISOString(), note: '更正日期', previous_title: '旧标题', previous_body_md: '旧', previous_category: null, previous_data_json: '{}', actor_id: 2 });
    const article = await loadArticle(store, id);
    expect(article).toMatchObject({ id, permalink: { year: 2026, slug: 'ibuprofen' }, relatedDrugIds: ['W006', 'W078'], data: { claim: '布洛芬全市断货' } });
    expect(article?.corrections).toMatchObject([{ note: '更正日期', previous: { title: '旧标题' } }]);
    expect((await loadArticleByPermalink(store, 'clarification', 2026, 'ibuprofen'))?.id).toBe(id);
    expect(await takenSlugs(store, 'clarification', 2026)).toEqual(new Set(['ibuprofen']));
  });

  test('refuses a second article on the same permalink but allows any number of drafts', async () => {
    await insertArticle(store, draft(), []);
    await insertArticle(store, draft(), []);
    await insertArticle(store, draft({ permalink_year: 2026, permalink_slug: 'same' }), []);
    await expect(insertArticle(store, draft({ permalink_year: 2026, permalink_slug: 'same' }), [])).rejects.toThrow();
  });

  test('publishes a scheduled article once when due', async () => {
    const due = await insertArticle(store, draft({ state: 'scheduled', publish_at: '2026-03-02T00:00:00.000Z' }), []);
    await insertArticle(store, draft({ state: 'scheduled', publish_at: '2026-03-03T00:00:00.000Z' }), []);
    expect(await dueScheduledIds(store, t0)).toEqual([due]);
    expect(await markDuePublished(store, due, t0)).toBe(true);
    expect(await markDuePublished(store, due, t0)).toBe(false);
    expect((await loadArticle(store, due))?.state).toBe('published');
  });

  test('lists a region’s notices open work first, and keeps attachments in the order attached', async () => {
    const done = await insertArticle(store, draft({ kind: 'notice', state: 'published', category: '2026-q1', updated_at: '2026-03-05T00:00:00.000Z' }), []);
    const open_ = await insertArticle(store, draft({ kind: 'notice', state: 'in_review', category: '2026-q2', region_code: '360203101' }), []);
    await insertArticle(store, draft({ kind: 'notice', state: 'draft', category: '2026-q2', region_code: '360202' }), []);
    expect((await noticeQueue(store, '360203')).map((a) => a.id)).toEqual([open_, done]);

    await insertAttachment(store, done, { sha256: 'b'.repeat(64), filename: '通报.pdf', size: 2048 }, 1, t0);
    await insertAttachment(store, done, { sha256: 'a'.repeat(64), filename: '附表.pdf', size: 1024 }, 1, t0);
    expect((await attachmentsOf(store, [done, open_])).get(done)?.map((a) => a.filename)).toEqual(['通报.pdf', '附表.pdf']);
    expect((await findAttachment(store, done, 'a'.repeat(64)))?.size).toBe(1024);
    expect(await deleteAttachment(store, done, 'b'.repeat(64))).toBe(true);
    expect(await deleteAttachment(store, done, 'b'.repeat(64))).toBe(false);
    expect(await attachmentInUse(store, 'b'.repeat(64))).toBe(false);
    expect(await attachmentInUse(store, 'a'.repeat(64))).toBe(true);
  });
});
