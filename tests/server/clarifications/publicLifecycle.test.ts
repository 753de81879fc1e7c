import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  approveClarification,
  correctClarification,
  createClarification,
  submitClarification,
  withdrawClarification,
} from '../../../src/server/clarifications/clarificationActions.ts';
import { clarificationAt, clarificationsForDrug, listClarifications } from '../../../src/server/clarifications/publicClarifications.ts';
import type { ClarificationContent } from '../../../src/domain/clarifications/clarification.ts';
import { searchArticles } from '../../../src/server/search/articleIndex.ts';
import { auditRows, type ClarificationTestBed, clarificationInput, openClarificationTestBed } from './clarificationFixtures.ts';

let bed: ClarificationTestBed;
beforeAll(async () => {
  bed = await openClarificationTestBed();
});
afterAll(async () => bed.portal.close());

/** Drafted by the publisher, approved by the reviewer (now, or at `at`). */
async function published(content: ClarificationContent, at: string | null = null, now = new Date()) {
  const draft = await createClarification(bed.portal, bed.publisher, content, now);
  await submitClarification(bed.portal, bed.publisher, draft.id, now);
  return approveClarification(bed.portal, bed.reviewer, draft.id, at, now);
}

describe('correction', () => {
  test('keeps the permalink and the publication date, shows the note, and keeps the previous text readable', async () => {
    const original = await published(clarificationInput({ title: '关于布洛芬供应的说明', slug: 'ibuprofen-note' }));
    const { year, slug } = original.permalink ?? { year: 0, slug: '' };
    const correctedAt = new Date(Date.now() + 1000);
    await correctClarification(
      bed.portal,
      bed.reviewer,
      original.id,
      '更正监测周报期数',
      clarificationInput({ title: '关于布洛芬供应的说明', verdict: 'partly_false', explanation: '经核实，个别乡镇药店曾短暂缺货，现已补货。' }),
      correctedAt,
    );
    const view = await clarificationAt(bed.portal, year, slug, correctedAt);
    expect(view?.path).toBe(`/clarifications/${year}/ibuprofen-note`);
    expect(view?.publishedAt).toBe(original.publishedAt);
    expect(view?.correctedAt).toBe(correctedAt.toISOString());
    expect(view?.verdictLabel).toBe('部分不实');
    expect(view?.bodyHtml).toContain('个别乡镇药店');
    expect(view?.corrections).toHaveLength(1);
    expect(view?.corrections[0]).toMatchObject({ note: '更正监测周报期数', correctedAt: correctedAt.toISOString() });
    expect(view?.corrections[0]?.previous.verdictLabel).toBe('不实');
    expect(view?.corrections[0]?.previous.bodyHtml).toContain('<strong>布洛芬库存充足</strong>');
    const entry = (await auditRows(bed.portal)).filter((r) => r.targetId === String(original.id)).at(-1);
    expect(entry).toMatchObject({ action: 'article.correct', actor: 'rev.city', detail: { note: '更正监测周报期数' } });
  });
});

describe('withdrawal', () => {
  test('keeps the URL answering with the reason, drops the item from lists, the drug page and search', async () => {
    const item = await published(clarificationInput({ title: '关于阿莫西林停产传言的说明', claim: '阿莫西林停产', slug: 'amoxicillin-rumour' }));
    expect((await searchArticles(bed.portal.search, '阿莫西林停产', 5)).map((h) => h.articleId)).toContain(item.id);
    await withdrawClarification(bed.portal, bed.reviewer, item.id, '已由省卫生健康委统一发布说明');
    const { year, slug } = item.permalink ?? { year: 0, slug: '' };
    const view = await clarificationAt(bed.portal, year, slug);
    expect(view).toMatchObject({ state: 'withdrawn', withdrawnReason: '已由省卫生健康委统一发布说明', path: `/clarifications/${year}/amoxicillin-rumour` });
    expect((await listClarifications(bed.portal, { page: 1 })).items.map((i) => i.id)).not.toContain(item.id);
    expect((await clarificationsForDrug(bed.portal, 'W078')).map((i) => i.id)).not.toContain(item.id);
    expect((await searchArticles(bed.portal.search, '阿莫西林停产', 5)).map((h) => h.articleId)).not.toContain(item.id);
    const entry = (await auditRows(bed.portal)).filter((r) => r.targetId === String(item.id)).at(-1);
    expect(entry).toMatchObject({ action: 'article.withdraw', actor: 'rev.city', detail: { reason: '已由省卫生健康委统一发布说明' } });
  });
});

describe('scheduled publication', () => {
  test('is invisible before its time and public, listed, on the drug page and searchable from the first read after', async () => {
    const now = new Date();
    const at = new Date(now.getTime() + 60_000);
    const item = await published(clarificationInput({ title: '关于布洛芬混悬液断供的说明', claim: '布洛芬混悬液断供', slug: 'scheduled-one' }), at.toISOString(), now);
    expect(item.state).toBe('scheduled');
    const { year, slug } = item.permalink ?? { year: 0, slug: '' };
    expect(await clarificationAt(bed.portal, year, slug, now)).toBeUndefined();
    expect((await clarificationsForDrug(bed.portal, 'W078', 10, now)).map((i) => i.id)).not.toContain(item.id);
    expect((await searchArticles(bed.portal.search, '布洛芬混悬液断供', 5)).map((h) => h.articleId)).not.toContain(item.id);

    const later = new Date(at.getTime() + 1000);
    expect((await clarificationsForDrug(bed.portal, 'W078', 10, later)).map((i) => i.id)).toContain(item.id);
    expect((await clarificationAt(bed.portal, year, slug, later))?.state).toBe('published');
    expect((await listClarifications(bed.portal, { page: 1 }, later)).items.map((i) => i.id)).toContain(item.id);
    expect((await searchArticles(bed.portal.search, '布洛芬混悬液断供', 5)).map((h) => h.articleId)).toContain(item.id);
    const entries = (await auditRows(bed.portal)).filter((r) => r.targetId === String(item.id)).map((r) => [r.action, r.actor]);
    expect(entries.slice(-2)).toEqual([
      ['article.schedule', 'rev.city'],
      ['article.publish_due', 'system:schedule'],
    ]);
  });
});

describe('permalinks', () => {
  test('give a second item with the same slug in the same year a numbered variant, leaving the first alone', async () => {
    const first = await published(clarificationInput({ slug: 'same-name' }));
    const second = await published(clarificationInput({ slug: 'same-name' }));
    expect(first.permalink?.slug).toBe('same-name');
    expect(second.permalink?.slug).toBe('same-name-2');
  });

  test('do not serve drafts or items in review', async () => {
    const draft = await createClarification(bed.portal, bed.publisher, clarificationInput({ slug: 'draft-only' }));
    expect(draft.permalink).toBeNull();
    expect(await clarificationAt(bed.portal, new Date().getFullYear(), 'draft-only')).toBeUndefined();
  });
});
