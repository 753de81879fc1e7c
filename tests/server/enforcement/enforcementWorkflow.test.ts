import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { correctEnforcementResult, createEnforcementResult } from '../../../src/server/enforcement/enforcementActions.ts';
import { approveArticle, approveRevision, rejectRevision, submitArticle, withdrawArticle } from '../../../src/server/publishing/articleActions.ts';
import { enforcementForStaff, enforcementQueue } from '../../../src/server/enforcement/enforcementStaff.ts';
import { enforcementResultAt, listEnforcementResults } from '../../../src/server/enforcement/publicEnforcement.ts';
import { quarterFigures } from '../../../src/server/notices/noticeFigures.ts';
import { ArticleInputError } from '../../../src/server/publishing/articleInputError.ts';
import { refusalCode } from '../publishing/publishingTestBed.ts';
import { auditRows } from '../clarifications/clarificationFixtures.ts';
import { type EnforcementTestBed, enforcementInput, openEnforcementTestBed, publishedResult } from './enforcementFixtures.ts';

let bed: EnforcementTestBed;
beforeAll(async () => {
  bed = await openEnforcementTestBed();
});
afterAll(async () => bed.portal.close());

describe('two-person rule', () => {
  test('a reviewer publishes what a publisher drafted, at /enforcement/{year}/{slug}', async () => {
    const published = await publishedResult(bed, enforcementInput({ slug: 'zhushan-ibuprofen' }), new Date('2026-11-21T02:00:00Z'));
    expect(published).toMatchObject({ kind: 'enforcement', state: 'published', category: 'inquiry', permalink: { year: 2026, slug: 'zhushan-ibuprofen' } });
    const page = await enforcementResultAt(bed.portal, 2026, 'zhushan-ibuprofen');
    expect(page).toMatchObject({ path: '/enforcement/2026/zhushan-ibuprofen', finding: '价格上涨幅度异常', actionLabel: '函询约谈', party: '某某大药房', drugs: [{ id: 'W078', name: '布洛芬' }] });
  });

  test('refuses the author publishing its own draft even with the reviewer role, and writes no audit entry', async () => {
    const draft = await createEnforcementResult(bed.portal, bed.editor, enforcementInput());
    const submitted = await submitArticle(bed.portal, bed.editor, draft.id);
    const before = await auditRows(bed.portal);
    expect(await refusalCode(approveArticle(bed.portal, bed.editor, draft.id, submitted.revision, null))).toBe('two_person_rule');
    expect(await auditRows(bed.portal)).toEqual(before);
  });

  test('audits each step under the kind enforcement', async () => {
    const published = await publishedResult(bed, enforcementInput({ title: '关于审计记录的处理结果' }));
    const rows = (await auditRows(bed.portal)).filter((r) => r.targetId === String(published.id));
    expect(rows.map((r) => [r.action, r.actor, r.targetType])).toEqual([
      ['article.create', 'pub.city', 'enforcement'],
      ['article.submit', 'pub.city', 'enforcement'],
      ['article.publish', 'rev.city', 'enforcement'],
    ]);
    expect(rows[0]?.after).toMatchObject({ category: 'inquiry', data: { finding: '价格上涨幅度异常', party: '某某大药房' } });
  });

  test('refuses unknown drugs and regions, naming the fields, before anything is stored', async () => {
    const error = await createEnforcementResult(bed.portal, bed.publisher, enforcementInput({ relatedDrugIds: ['W999'], regionCode: '360299' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArticleInputError);
    expect((error as ArticleInputError).errors.map((e) => e.field)).toEqual(['regionCode', 'relatedDrugs']);
  });
});

describe('corrections and withdrawals wait for a second reviewer', () => {
  test('a proposed correction leaves the public page as it was until someone else approves it; the permalink stays', async () => {
    const published = await publishedResult(bed, enforcementInput({ slug: 'correct-me', finding: '价格上涨频次异常' }));
    const proposed = await correctEnforcementResult(bed.portal, bed.reviewer, published.id, '更正处理措施', enforcementInput({ slug: 'correct-me', action: 'rectification', finding: '价格上涨频次异常' }));
    expect((await enforcementResultAt(bed.portal, 2026, 'correct-me'))?.actionLabel).toBe('函询约谈');
    expect(await refusalCode(approveRevision(bed.portal, bed.reviewer, published.id, proposed.revision))).toBe('two_person_rule');
    await approveRevision(bed.portal, bed.editor, published.id, proposed.revision);
    const page = await enforcementResultAt(bed.portal, 2026, 'correct-me');
    expect(page).toMatchObject({ path: '/enforcement/2026/correct-me', actionLabel: '责令整改', publishedAt: published.publishedAt });
    expect(page?.corrections).toMatchObject([{ note: '更正处理措施', previous: { actionLabel: '函询约谈' } }]);
  });

  test('a rejected correction is discarded and the published text stays', async () => {
    const published = await publishedResult(bed, enforcementInput({ slug: 'reject-me' }));
    const proposed = await correctEnforcementResult(bed.portal, bed.reviewer, published.id, '改为移交', enforcementInput({ action: 'referral' }));
    await rejectRevision(bed.portal, bed.editor, published.id, proposed.revision, '证据不足');
    expect((await enforcementResultAt(bed.portal, 2026, 'reject-me'))?.actionLabel).toBe('函询约谈');
  });

  test('a withdrawal keeps the URL answering with its reason and drops the result from the list', async () => {
    const published = await publishedResult(bed, enforcementInput({ slug: 'withdraw-me', title: '将被撤回的整治结果' }));
    const asked = await withdrawArticle(bed.portal, bed.reviewer, published.id, '涉及单位名称有误');
    expect((await enforcementResultAt(bed.portal, 2026, 'withdraw-me'))?.state).toBe('published');
    await approveRevision(bed.portal, bed.editor, published.id, asked.revision);
    expect(await enforcementResultAt(bed.portal, 2026, 'withdraw-me')).toMatchObject({ state: 'withdrawn', withdrawnReason: '涉及单位名称有误' });
    const list = await listEnforcementResults(bed.portal, { page: 1 });
    expect(list.items.map((i) => i.title)).not.toContain('将被撤回的整治结果');
  });

  test('a draft has no public page', async () => {
    const draft = await createEnforcementResult(bed.portal, bed.publisher, enforcementInput({ slug: 'not-yet' }));
    expect(draft.permalink).toBeNull();
    expect((await listEnforcementResults(bed.portal, { page: 1 })).items.map((i) => i.id)).not.toContain(draft.id);
  });
});

describe('region scope of the staff pages', () => {
  test('a county sees its own results and not its neighbour’s, in the queue and by id', async () => {
    const neighbours = await createEnforcementResult(bed.portal, bed.neighbourPublisher, enforcementInput({ regionCode: '360202', title: '昌江区的整治结果草稿', issuer: '昌江区卫生健康委员会' }));
    const zhushan = await createEnforcementResult(bed.portal, bed.publisher, enforcementInput({ title: '珠山区的整治结果草稿' }));
    const queue = await enforcementQueue(bed.portal, bed.countyReviewer);
    const titles = Object.values(queue).flat().map((e) => e.title);
    expect(titles).toContain('珠山区的整治结果草稿');
    expect(titles).not.toContain('昌江区的整治结果草稿');
    expect(await enforcementForStaff(bed.portal, bed.countyReviewer, neighbours.id)).toBeUndefined();
    expect((await enforcementForStaff(bed.portal, bed.countyReviewer, zhushan.id))?.id).toBe(zhushan.id);
    // The city sees both; a neighbour cannot publish 珠山区's result.
    expect(await enforcementForStaff(bed.portal, bed.reviewer, neighbours.id)).toBeDefined();
    const submitted = await submitArticle(bed.portal, bed.publisher, zhushan.id);
    expect(await refusalCode(approveArticle(bed.portal, bed.neighbourPublisher, zhushan.id, submitted.revision, null))).toBe('out_of_region');
  });

  test('a clarification is not reachable as an enforcement result', async () => {
    const { createClarification } = await import('../../../src/server/clarifications/clarificationActions.ts');
    const { clarificationInput } = await import('../clarifications/clarificationFixtures.ts');
    const clarification = await createClarification(bed.portal, bed.publisher, clarificationInput());
    expect(await enforcementForStaff(bed.portal, bed.reviewer, clarification.id)).toBeUndefined();
  });
});

describe('the quarterly notice', () => {
  test('counts a result published in the quarter by action and county; a draft or another quarter does not count', async () => {
    const q4 = { year: 2026, q: 4 } as const;
    const count = async () => {
      const f = (await quarterFigures(bed.portal.store, '3602', q4)).prices.enforcement;
      return { total: f.total, referral: f.byAction.find((a) => a.action === 'referral')?.count, zhushan: f.byArea.find((a) => a.areaName === '珠山区')?.count ?? 0 };
    };
    const before = await count();
    await publishedResult(bed, enforcementInput({ action: 'referral', title: '移交市场监管的处理结果' }), new Date('2026-12-01T02:00:00Z'));
    await publishedResult(bed, enforcementInput({ action: 'referral', title: '上季度的处理结果' }), new Date('2026-09-10T02:00:00Z'));
    await createEnforcementResult(bed.portal, bed.publisher, enforcementInput({ action: 'referral', title: '未发布的处理结果' }));
    expect(await count()).toEqual({ total: before.total + 1, referral: (before.referral ?? 0) + 1, zhushan: before.zhushan + 1 });
  });
});
