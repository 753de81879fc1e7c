import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  approveClarification,
  approveClarificationRevision,
  correctClarification,
  createClarification,
  editClarification,
  loadClarificationArticle,
  rejectClarificationRevision,
  returnClarification,
  submitClarification,
  withdrawClarification,
} from '../../../src/server/clarifications/clarificationActions.ts';
import { clarificationAt, clarificationsForDrug, listClarifications } from '../../../src/server/clarifications/publicClarifications.ts';
import type { ClarificationContent } from '../../../src/domain/clarifications/clarification.ts';
import { searchArticles } from '../../../src/server/search/articleIndex.ts';
import { refusalCode } from '../publishing/publishingTestBed.ts';
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
  return approveClarification(bed.portal, bed.reviewer, draft.id, draft.revision, at, now);
}

const permalinkOf = (article: { permalink: { year: number; slug: string } | null }) => article.permalink ?? { year: 0, slug: '' };

describe('correction', () => {
  test('by a reviewer alone stays pending: the public page keeps the published verdict and text', async () => {
    const original = await published(clarificationInput({ title: '关于布洛芬缺货的说明', slug: 'pending-correction' }));
    const { year, slug } = permalinkOf(original);
    const proposed = await correctClarification(bed.portal, bed.reviewer, original.id, '更正核实结论', clarificationInput({ verdict: 'true', explanation: '未经批准的新正文。' }));
    expect(proposed.pendingRevision).toMatchObject({ kind: 'correction', authorId: bed.reviewer.account.id, note: '更正核实结论' });
    const view = await clarificationAt(bed.portal, year, slug);
    expect(view?.verdictLabel).toBe('不实');
    expect(view?.bodyHtml).not.toContain('未经批准的新正文');
    expect(view?.corrections).toEqual([]);
    expect(view?.correctedAt).toBeNull();
    expect((await listClarifications(bed.portal, { page: 1 })).items.find((i) => i.id === original.id)?.verdictLabel).toBe('不实');
    expect((await searchArticles(bed.portal.search, '未经批准的新正文', 5)).map((h) => h.articleId)).not.toContain(original.id);
    // Its author cannot approve it, even with the reviewer role.
    expect(await refusalCode(approveClarificationRevision(bed.portal, bed.reviewer, original.id, proposed.revision))).toBe('two_person_rule');
    expect((await clarificationAt(bed.portal, year, slug))?.verdictLabel).toBe('不实');
  });

  test('approved by a second reviewer keeps the permalink and publication date, shows the note and keeps the previous text', async () => {
    const original = await published(clarificationInput({ title: '关于布洛芬供应的说明', slug: 'ibuprofen-note' }));
    const { year, slug } = permalinkOf(original);
    const proposed = await correctClarification(
      bed.portal,
      bed.reviewer,
      original.id,
      '更正监测周报期数',
      clarificationInput({ title: '关于布洛芬供应的说明', verdict: 'partly_false', explanation: '经核实，个别乡镇药店曾短暂缺货，现已补货。' }),
    );
    const correctedAt = new Date(Date.now() + 1000);
    await approveClarificationRevision(bed.portal, bed.editor, original.id, proposed.revision, correctedAt);
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
    expect(view?.article.pendingRevision).toBeNull();
    const entries = (await auditRows(bed.portal)).filter((r) => r.targetId === String(original.id)).slice(-2);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['article.correct_propose', 'rev.city'],
      ['article.correct', 'editor.city'],
    ]);
    expect(entries[0]).toMatchObject({ detail: { note: '更正监测周报期数', proposed: { category: 'partly_false' } }, after: { category: 'false' } });
    expect(entries[1]).toMatchObject({ detail: { note: '更正监测周报期数', proposedBy: bed.reviewer.account.id }, before: { category: 'false' }, after: { category: 'partly_false' } });
  });

  test('rejected with a reason is discarded: the published text stays and a new correction may be proposed', async () => {
    const original = await published(clarificationInput({ slug: 'rejected-correction' }));
    const proposed = await correctClarification(bed.portal, bed.reviewer, original.id, '改结论', clarificationInput({ verdict: 'true' }));
    expect(await refusalCode(correctClarification(bed.portal, bed.editor, original.id, '另一项更正', clarificationInput({ verdict: 'misleading' })))).toBe('revision_pending');
    expect(await refusalCode(rejectClarificationRevision(bed.portal, bed.editor, original.id, proposed.revision, ' '))).toBe('reason_required');
    const rejected = await rejectClarificationRevision(bed.portal, bed.editor, original.id, proposed.revision, '来源不支持该结论');
    expect(rejected.pendingRevision).toBeNull();
    const { year, slug } = permalinkOf(original);
    expect((await clarificationAt(bed.portal, year, slug))?.verdictLabel).toBe('不实');
    const entry = (await auditRows(bed.portal)).filter((r) => r.targetId === String(original.id)).at(-1);
    expect(entry).toMatchObject({ action: 'article.revision_reject', actor: 'editor.city', detail: { reason: '来源不支持该结论', kind: 'correction' } });
    expect((await correctClarification(bed.portal, bed.editor, original.id, '另一项更正', clarificationInput({ verdict: 'misleading' }))).pendingRevision?.kind).toBe('correction');
  });

  test('cannot be approved on a revision replaced since the reviewer saw it', async () => {
    const original = await published(clarificationInput({ slug: 'replaced-correction' }));
    const first = await correctClarification(bed.portal, bed.reviewer, original.id, '第一版更正', clarificationInput({ verdict: 'true' }));
    await rejectClarificationRevision(bed.portal, bed.reviewer, original.id, first.revision, '写错了，重新提交');
    await correctClarification(bed.portal, bed.reviewer, original.id, '第二版更正', clarificationInput({ verdict: 'misleading' }));
    expect(await refusalCode(approveClarificationRevision(bed.portal, bed.editor, original.id, first.revision))).toBe('stale_revision');
    const { year, slug } = permalinkOf(original);
    expect((await clarificationAt(bed.portal, year, slug))?.verdictLabel).toBe('不实');
  });
});

describe('approval race', () => {
  test('an edit made while in review cannot be published by an approve of the revision shown before it', async () => {
    const draft = await createClarification(bed.portal, bed.publisher, clarificationInput({ slug: 'race-in-review' }));
    const shown = await submitClarification(bed.portal, bed.publisher, draft.id);
    const edited = await editClarification(bed.portal, bed.publisher, draft.id, clarificationInput({ slug: 'race-in-review', verdict: 'true', explanation: '审核期间改过的正文。' }));
    const before = await auditRows(bed.portal);
    expect(await refusalCode(approveClarification(bed.portal, bed.reviewer, draft.id, shown.revision, null))).toBe('stale_revision');
    expect(await refusalCode(returnClarification(bed.portal, bed.reviewer, draft.id, shown.revision, '退回'))).toBe('stale_revision');
    expect(await auditRows(bed.portal)).toEqual(before);
    expect((await loadClarificationArticle(bed.portal, draft.id))?.state).toBe('in_review');
    // Shown the new version, the reviewer may approve it.
    expect((await approveClarification(bed.portal, bed.reviewer, draft.id, edited.revision, null)).bodyMd).toBe('审核期间改过的正文。');
  });
});

describe('withdrawal', () => {
  test('asked for by one reviewer changes nothing public until a second approves it', async () => {
    const item = await published(clarificationInput({ title: '关于头孢停产传言的说明', claim: '头孢停产', slug: 'pending-withdrawal' }));
    const asked = await withdrawClarification(bed.portal, bed.reviewer, item.id, '已另行发布');
    const { year, slug } = permalinkOf(item);
    expect((await clarificationAt(bed.portal, year, slug))?.state).toBe('published');
    expect((await listClarifications(bed.portal, { page: 1 })).items.map((i) => i.id)).toContain(item.id);
    expect(await refusalCode(approveClarificationRevision(bed.portal, bed.reviewer, item.id, asked.revision))).toBe('two_person_rule');
    await approveClarificationRevision(bed.portal, bed.editor, item.id, asked.revision);
    expect((await clarificationAt(bed.portal, year, slug))?.state).toBe('withdrawn');
  });

  test('keeps the URL answering with the reason, drops the item from lists, the drug page and search', async () => {
    const item = await published(clarificationInput({ title: '关于阿莫西林停产传言的说明', claim: '阿莫西林停产', slug: 'amoxicillin-rumour' }));
    expect((await searchArticles(bed.portal.search, '阿莫西林停产', 5)).map((h) => h.articleId)).toContain(item.id);
    const asked = await withdrawClarification(bed.portal, bed.reviewer, item.id, '已由省卫生健康委统一发布说明');
    await approveClarificationRevision(bed.portal, bed.editor, item.id, asked.revision);
    const { year, slug } = permalinkOf(item);
    const view = await clarificationAt(bed.portal, year, slug);
    expect(view).toMatchObject({ state: 'withdrawn', withdrawnReason: '已由省卫生健康委统一发布说明', path: `/clarifications/${year}/amoxicillin-rumour` });
    expect((await listClarifications(bed.portal, { page: 1 })).items.map((i) => i.id)).not.toContain(item.id);
    expect((await clarificationsForDrug(bed.portal, 'W078')).map((i) => i.id)).not.toContain(item.id);
    expect((await searchArticles(bed.portal.search, '阿莫西林停产', 5)).map((h) => h.articleId)).not.toContain(item.id);
    const entries = (await auditRows(bed.portal)).filter((r) => r.targetId === String(item.id)).slice(-2);
    expect(entries).toMatchObject([
      { action: 'article.withdraw_propose', actor: 'rev.city', detail: { reason: '已由省卫生健康委统一发布说明' } },
      { action: 'article.withdraw', actor: 'editor.city', detail: { reason: '已由省卫生健康委统一发布说明' } },
    ]);
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
