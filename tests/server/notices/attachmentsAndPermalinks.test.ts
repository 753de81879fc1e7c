import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIContext } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as getAttachment } from '../../../src/pages/notices/[region]/[quarter]/attachments/[sha].pdf.ts';
import { approveNotice, approveNoticeRevision, correctNotice, createNotice, submitNotice } from '../../../src/server/notices/noticeActions.ts';
import { AttachmentError, attachToNotice, removeFromNotice } from '../../../src/server/notices/noticeAttachments.ts';
import { noticeAt } from '../../../src/server/notices/publicNotices.ts';
import { providePortal } from '../../../src/server/portal.ts';
import { refusalCode } from '../publishing/publishingTestBed.ts';
import { type NoticeTestBed, noticeAuditActions, noticeInput, openNoticeTestBed, pdfBytes, withdrawnNotice } from './noticeFixtures.ts';
import { loadNotice } from '../../../src/server/store/noticeStore.ts';

let bed: NoticeTestBed;
beforeAll(async () => {
  bed = await openNoticeTestBed();
  providePortal(bed.portal);
});
afterAll(async () => bed.portal.close());

const q3 = { year: 2026, q: 3 } as const;
const upload = (bytes: Uint8Array, filename = '景卫药政字〔2026〕12号.pdf', declaredType = 'application/pdf') => ({ filename, declaredType, bytes });
const stored = () => (existsSync(join(bed.portal.dir, 'attachments')) ? readdirSync(join(bed.portal.dir, 'attachments')) : []);

async function fetchAttachment(region: string, quarter: string, sha: string): Promise<Response> {
  const context = { params: { region, quarter, sha } };
  return getAttachment(context as unknown as APIContext) as Promise<Response>;
}

describe('attachments', () => {
  test('stores the checksum and serves the very same bytes once the notice is published, never before', async () => {
    const bytes = pdfBytes('city-q3');
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter: q3 }));
    const file = await attachToNotice(bed.portal, bed.publisher, draft.id, upload(bytes));
    const row = await bed.portal.store.selectFrom('notice_attachments').selectAll().where('article_id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sha256: file.sha256, size_bytes: bytes.length, filename: '景卫药政字〔2026〕12号.pdf' });
    expect(readFileSync(join(bed.portal.dir, 'attachments', `${file.sha256}.pdf`))).toEqual(Buffer.from(bytes));
    expect((await fetchAttachment('3602', '2026-q3', file.sha256)).status).toBe(404);

    const submitted = await submitNotice(bed.portal, bed.publisher, draft.id);
    await approveNotice(bed.portal, bed.reviewer, draft.id, submitted.revision, null);
    const response = await fetchAttachment('3602', '2026-q3', file.sha256);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('景卫药政字〔2026〕12号.pdf')}`);
    // The checksum alone opens nothing: the same file under another notice's address is not found.
    expect((await fetchAttachment('360203', '2026-q3', file.sha256)).status).toBe(404);
    expect(await noticeAuditActions(bed.portal, draft.id)).toEqual(['article.create', 'notice.attachment_add', 'article.submit', 'article.publish']);
  });

  test('refuses a non-PDF renamed .pdf and leaves nothing on disk', async () => {
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter: { year: 2026, q: 1 } }));
    const before = stored();
    const fake = new TextEncoder().encode('PK\u0003\u0004word/document.xml');
    const error = await attachToNotice(bed.portal, bed.publisher, draft.id, upload(fake, '通报.pdf')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttachmentError);
    expect(stored()).toEqual(before);
  });

  test('counts as an edit: the uploader becomes the last editor and cannot then publish', async () => {
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter: { year: 2026, q: 2 } }));
    await submitNotice(bed.portal, bed.publisher, draft.id);
    await attachToNotice(bed.portal, bed.editor, draft.id, upload(pdfBytes('late-addition')));
    const current = (await loadNotice(bed.portal.store, draft.id))?.revision ?? 0;
    expect(await refusalCode(approveNotice(bed.portal, bed.editor, draft.id, current, null))).toBe('two_person_rule');
    // A reviewer shown the notice before the upload cannot publish a file it never saw.
    expect(await refusalCode(approveNotice(bed.portal, bed.reviewer, draft.id, draft.revision, null))).toBe('stale_revision');
  });

  test('removing the only use of a file deletes it from disk', async () => {
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter: { year: 2025, q: 2 } }));
    const file = await attachToNotice(bed.portal, bed.publisher, draft.id, upload(pdfBytes('mistake')));
    expect(stored()).toContain(`${file.sha256}.pdf`);
    await removeFromNotice(bed.portal, bed.publisher, draft.id, file.sha256);
    expect(stored()).not.toContain(`${file.sha256}.pdf`);
    expect(await noticeAuditActions(bed.portal, draft.id)).toEqual(['article.create', 'notice.attachment_add', 'notice.attachment_remove']);
  });
});

describe('permalink', () => {
  test('stays the same after a correction and after withdrawal, which is shown with its reason', async () => {
    const quarter = { year: 2025, q: 1 } as const;
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter }));
    const file = await attachToNotice(bed.portal, bed.publisher, draft.id, upload(pdfBytes('permalink')));
    const submitted = await submitNotice(bed.portal, bed.publisher, draft.id);
    const published = await approveNotice(bed.portal, bed.reviewer, draft.id, submitted.revision, null);
    const path = (await noticeAt(bed.portal, '3602', quarter))?.path;
    expect(path).toBe('/notices/3602/2025-q1');

    const correctedAt = new Date(Date.now() + 1000);
    const proposed = await correctNotice(bed.portal, bed.reviewer, draft.id, '更正有货机构数', noticeInput({ quarter, bodyMd: '更正后的正文：有货机构 51 家。' }));
    await approveNoticeRevision(bed.portal, bed.editor, draft.id, proposed.revision, correctedAt);
    const corrected = await noticeAt(bed.portal, '3602', quarter, correctedAt);
    expect(corrected).toMatchObject({ path, publishedAt: published.publishedAt, correctedAt: correctedAt.toISOString() });
    expect(corrected?.bodyHtml).toContain('有货机构 51 家');
    expect(corrected?.corrections[0]).toMatchObject({ note: '更正有货机构数' });
    expect(corrected?.corrections[0]?.previous.bodyHtml).toContain('供应总体平稳');

    const withdrawnAt = new Date(Date.now() + 2000);
    await withdrawnNotice(bed, draft.id, '数据口径有误', withdrawnAt);
    const withdrawn = await noticeAt(bed.portal, '3602', quarter, withdrawnAt);
    expect(withdrawn).toMatchObject({ path, state: 'withdrawn', withdrawnReason: '数据口径有误' });
    expect((await fetchAttachment('3602', '2025-q1', file.sha256)).status).toBe(200);
    // Its address stays taken: a replacement would have to be a correction of this one.
    expect(await createNotice(bed.portal, bed.publisher, noticeInput({ quarter })).catch((e: unknown) => (e as Error).name)).toBe('NoticeInputError');
  });

  test('a correction cannot move the notice to another quarter', async () => {
    const quarter = { year: 2024, q: 2 } as const;
    const draft = await createNotice(bed.portal, bed.publisher, noticeInput({ quarter }));
    const submitted = await submitNotice(bed.portal, bed.publisher, draft.id);
    await approveNotice(bed.portal, bed.reviewer, draft.id, submitted.revision, null);
    const error = await correctNotice(bed.portal, bed.reviewer, draft.id, '改季度', noticeInput({ quarter: { year: 2024, q: 1 } })).catch((e: unknown) => e);
    expect((error as Error).name).toBe('NoticeInputError');
    expect(await noticeAt(bed.portal, '3602', quarter)).toBeDefined();
  });
});
