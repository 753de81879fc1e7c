import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  approveNotice,
  approveNoticeRevision,
  correctNotice,
  createNotice,
  createNoticeFromFigures,
  editNotice,
  NoticeInputError,
  submitNotice,
} from '../../../src/server/notices/noticeActions.ts';
import { noticeAt } from '../../../src/server/notices/publicNotices.ts';
import { noticeForStaff } from '../../../src/server/notices/staffNoticeAccess.ts';
import { refusalCode } from '../publishing/publishingTestBed.ts';
import { type NoticeTestBed, noticeAuditActions, noticeInput, openNoticeTestBed, publishedNotice } from './noticeFixtures.ts';

let bed: NoticeTestBed;
beforeAll(async () => {
  bed = await openNoticeTestBed();
});
afterAll(async () => bed.portal.close());

const noticeCount = async () => Number((await bed.portal.store.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'notice').executeTakeFirst())?.n ?? 0);

describe('region scope, checked on the server', () => {
  test('a 珠山区 publisher cannot draft for 昌江区 next door, from figures or by hand, and nothing is stored', async () => {
    const before = await noticeCount();
    const start = { regionCode: '360202', quarter: { year: 2026, q: 3 } as const, issuer: '昌江区卫生健康委员会', docNumber: '昌卫字〔2026〕1号' };
    expect(await refusalCode(createNoticeFromFigures(bed.portal, bed.countyPublisher, start))).toBe('out_of_region');
    expect(await refusalCode(createNotice(bed.portal, bed.countyPublisher, noticeInput({ regionCode: '360202' })))).toBe('out_of_region');
    // Nor for the city above it.
    expect(await refusalCode(createNotice(bed.portal, bed.countyPublisher, noticeInput({ regionCode: '3602', quarter: { year: 2025, q: 1 } })))).toBe('out_of_region');
    expect(await noticeCount()).toBe(before);
  });

  test('the county publisher may draft for its own county, and cannot see or edit a city notice', async () => {
    const own = await createNotice(bed.portal, bed.countyPublisher, noticeInput({ regionCode: '360203', quarter: { year: 2026, q: 2 }, docNumber: '珠卫字〔2026〕7号' }));
    expect(own.state).toBe('draft');
    const city = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter: { year: 2026, q: 2 } }));
    expect(await noticeForStaff(bed.portal, bed.countyPublisher, String(city.id))).toBeUndefined();
    expect(await refusalCode(editNotice(bed.portal, bed.countyPublisher, city.id, noticeInput({ quarter: { year: 2026, q: 2 }, title: '改标题试试看' })))).toBe('out_of_region');
    // Moving its own draft to the neighbour county is refused too.
    expect(await refusalCode(editNotice(bed.portal, bed.countyPublisher, own.id, noticeInput({ regionCode: '360202', quarter: { year: 2026, q: 2 } })))).toBe('out_of_region');
  });
});

describe('two-person rule', () => {
  test('whoever drafted cannot publish, even holding the reviewer role; another reviewer can', async () => {
    const draft = await createNotice(bed.portal, bed.editor, noticeInput({ quarter: { year: 2025, q: 4 } }));
    await submitNotice(bed.portal, bed.editor, draft.id);
    expect(await refusalCode(approveNotice(bed.portal, bed.editor, draft.id, draft.revision, null))).toBe('two_person_rule');
    const published = await approveNotice(bed.portal, bed.reviewer, draft.id, draft.revision, null);
    expect(published).toMatchObject({ state: 'published', reviewerId: bed.reviewer.account.id, permalink: { year: 2025, slug: '3602-2025-q4' } });
  });

  test('a reviewer who edited the text in review becomes its last editor and may no longer publish it', async () => {
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter: { year: 2025, q: 3 } }));
    await submitNotice(bed.portal, bed.publisher, draft.id);
    const edited = await editNotice(bed.portal, bed.editor, draft.id, noticeInput({ quarter: { year: 2025, q: 3 }, bodyMd: '审核人改过的正文，需要另一人复核。' }));
    expect(await refusalCode(approveNotice(bed.portal, bed.editor, draft.id, edited.revision, null))).toBe('two_person_rule');
    expect((await approveNotice(bed.portal, bed.reviewer, draft.id, edited.revision, null)).state).toBe('published');
    expect(await noticeAuditActions(bed.portal, draft.id)).toEqual(['article.create', 'article.submit', 'article.edit', 'article.publish']);
  });
});

describe('one notice per region and quarter', () => {
  test('a second notice for the same region and quarter is refused, naming the existing one; another region is fine', async () => {
    const first = await publishedNotice(bed, noticeInput({ quarter: { year: 2024, q: 4 } }));
    const error = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter: { year: 2024, q: 4 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoticeInputError);
    expect((error as NoticeInputError).existingId).toBe(first.id);
    expect((error as NoticeInputError).errors[0]?.field).toBe('quarter');
    const county = await publishedNotice(bed, noticeInput({ regionCode: '360203', quarter: { year: 2024, q: 4 }, issuer: '珠山区卫生健康委员会' }));
    expect(county.permalink).toEqual({ year: 2024, slug: '360203-2024-q4' });
    expect(first.permalink).toEqual({ year: 2024, slug: '3602-2024-q4' });
  });

  test('the permalink year is the quarter’s, not the year of publication', async () => {
    const late = await publishedNotice(bed, noticeInput({ quarter: { year: 2024, q: 3 } }), new Date('2025-01-15T02:00:00Z'));
    expect(late.permalink).toEqual({ year: 2024, slug: '3602-2024-q3' });
  });
});

describe('corrections of a published notice need a second person', () => {
  test('an edit by a reviewer alone stays pending; another reviewer approves it and the page shows the new text with a note', async () => {
    const quarter = { year: 2023, q: 4 } as const;
    const notice = await publishedNotice(bed, noticeInput({ quarter }));
    const proposed = await correctNotice(bed.portal, bed.reviewer, notice.id, '更正有货机构数', noticeInput({ quarter, bodyMd: '更正后：有货机构 51 家。' }));
    expect((await noticeAt(bed.portal, '3602', quarter))?.bodyHtml).toContain('供应总体平稳');
    expect((await noticeAt(bed.portal, '3602', quarter))?.bodyHtml).not.toContain('51 家');
    expect(await refusalCode(approveNoticeRevision(bed.portal, bed.reviewer, notice.id, proposed.revision))).toBe('two_person_rule');
    const staffView = await noticeForStaff(bed.portal, bed.editor, String(notice.id));
    expect(staffView?.article.pendingRevision?.proposed?.bodyMd).toBe('更正后：有货机构 51 家。');

    await approveNoticeRevision(bed.portal, bed.editor, notice.id, proposed.revision);
    const shown = await noticeAt(bed.portal, '3602', quarter);
    expect(shown?.bodyHtml).toContain('51 家');
    expect(shown?.corrections[0]).toMatchObject({ note: '更正有货机构数' });
    expect(shown?.path).toBe('/notices/3602/2023-q4');
    expect((await noticeAuditActions(bed.portal, notice.id)).slice(-2)).toEqual(['article.correct_propose', 'article.correct']);
  });

  test('an edit made in review is not published by an approve of the revision shown before it', async () => {
    const quarter = { year: 2023, q: 3 } as const;
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter }));
    const shown = await submitNotice(bed.portal, bed.publisher, draft.id);
    await editNotice(bed.portal, bed.publisher, draft.id, noticeInput({ quarter, bodyMd: '审核期间偷偷改过的正文。' }));
    expect(await refusalCode(approveNotice(bed.portal, bed.reviewer, draft.id, shown.revision, null))).toBe('stale_revision');
    expect(await noticeAt(bed.portal, '3602', quarter)).toBeUndefined();
  });
});
