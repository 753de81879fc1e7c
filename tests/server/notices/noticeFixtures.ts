import type { NoticeContent } from '../../../src/domain/notices/notice.ts';
import { approveNotice, approveNoticeRevision, createNotice, submitNotice, withdrawNotice } from '../../../src/server/notices/noticeActions.ts';
import type { Portal } from '../../../src/server/portal.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { openPublishingTestBed, type PublishingTestBed } from '../publishing/publishingTestBed.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';

export interface NoticeTestBed extends PublishingTestBed {
  /** 360203 (珠山区) publisher: may not draft for 360202 (昌江区) next door. */
  countyPublisher: StaffUser;
}

/** A full portal (real SQLite, real Meilisearch under a fresh prefix) with the real region tree and four accounts. */
export async function openNoticeTestBed(): Promise<NoticeTestBed> {
  const bed = await openPublishingTestBed();
  await seedAccount(bed.portal.store, 'pub.zhushan', '360203', ['publisher']);
  return { ...bed, countyPublisher: await signedIn(bed.portal.store, 'pub.zhushan') };
}

export function noticeInput(overrides: Partial<NoticeContent> = {}): NoticeContent {
  return {
    regionCode: '3602',
    quarter: { year: 2026, q: 3 },
    title: '景德镇市2026年第三季度药品供应保障情况通报',
    issuer: '景德镇市卫生健康委员会',
    docNumber: '景卫药政字〔2026〕12号',
    bodyMd: '现将全市第三季度药品供应保障有关情况通报如下。\n\n## 一、总体情况\n\n供应总体平稳。',
    ...overrides,
  };
}

/** Drafted by the publisher, submitted, and approved by the reviewer. */
export async function publishedNotice(bed: NoticeTestBed, content: NoticeContent, now = new Date()) {
  const draft = await createNotice(bed.portal, bed.publisher, content, now);
  const submitted = await submitNotice(bed.portal, bed.publisher, draft.id, now);
  return approveNotice(bed.portal, bed.reviewer, draft.id, submitted.revision, null, now);
}

/** Withdrawn the only way there is: asked for by the reviewer, approved by the editor (a second person). */
export async function withdrawnNotice(bed: NoticeTestBed, id: number, reason: string, now = new Date()) {
  const asked = await withdrawNotice(bed.portal, bed.reviewer, id, reason, now);
  return approveNoticeRevision(bed.portal, bed.editor, id, asked.revision, now);
}

/** A small but well-formed PDF; `marker` makes each one's checksum different. */
export function pdfBytes(marker: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export async function noticeAuditActions(portal: Portal, id: number): Promise<string[]> {
  const rows = await portal.store.selectFrom('audit_log').select('action').where('target_type', '=', 'notice').where('target_id', '=', String(id)).orderBy('id').execute();
  return rows.map((r) => r.action);
}
