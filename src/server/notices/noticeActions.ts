import { draftNoticeMarkdown } from '../../domain/notices/draftFigures.ts';
import { defaultNoticeTitle, type NoticeContent, noticeData } from '../../domain/notices/notice.ts';
import { noticePermalink } from '../../domain/notices/noticePermalink.ts';
import { formatQuarterParam, type Quarter, quarterLabel, quarterParam } from '../../domain/notices/quarter.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { startDraft, transition, WorkflowError } from '../../domain/publishing/workflow.ts';
import { canActOn } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import {
  type ArticleDraft,
  type ArticleUser,
  approveArticle,
  approveRevision,
  correctArticle,
  createArticle,
  editArticle,
  rejectRevision,
  returnArticle,
  submitArticle,
  withdrawArticle,
  workflowActorOf,
} from '../publishing/articleActions.ts';
import { ArticleInputError, type InputProblem } from '../publishing/articleInputError.ts';
import { regionName } from '../store/regionStore.ts';
import { quarterFigures } from './noticeFigures.ts';
import { loadNotice, noticeFor } from '../store/noticeStore.ts';

/**
 * Notice-specific checks in front of the generic workflow (server/publishing/articleActions.ts), which
 * does the role, region and two-person checks and writes the audit entries. Here: the region must exist,
 * and there is one notice per region and quarter, whose address is fixed by that pair.
 */
export class NoticeInputError extends ArticleInputError {
  /** The notice already holding the region and quarter, for a link to it. */
  readonly existingId: number | undefined;
  constructor(errors: InputProblem[], existingId?: number) {
    super(errors);
    this.name = 'NoticeInputError';
    this.existingId = existingId;
  }
}

export function noticeDraft(content: NoticeContent): ArticleDraft {
  const quarter = formatQuarterParam(content.quarter);
  return {
    title: content.title,
    issuer: content.issuer,
    bodyMd: content.bodyMd,
    category: quarter,
    data: { quarter, docNumber: content.docNumber },
    regionCode: content.regionCode,
    relatedDrugIds: [],
    publishAt: null,
    requestedSlug: null,
  };
}

/** The quarter a stored notice is for; a notice without one cannot be addressed, which is a bug upstream. */
export function quarterOfNotice(article: Article): Quarter {
  const data = noticeData.parse(article.data);
  return quarterParam.parse(data.quarter);
}

async function noticeRegionName(portal: Portal, code: string): Promise<string> {
  const name = await regionName(portal.store, code);
  if (name === undefined) throw new NoticeInputError([{ field: 'regionCode', message: '没有这个地区' }]);
  return name;
}

async function checkUnique(portal: Portal, regionCode: string, quarter: Quarter, exceptId?: number): Promise<void> {
  const existing = await noticeFor(portal.store, regionCode, quarter, exceptId);
  if (existing) {
    throw new NoticeInputError([{ field: 'quarter', message: `该地区${quarterLabel(quarter)}已有通报（编号 ${existing.id}），每个地区每季度只发一份，请在原稿上修改或更正` }], existing.id);
  }
}

async function mustLoad(portal: Portal, id: number): Promise<Article> {
  const notice = await loadNotice(portal.store, id);
  if (!notice) throw new WorkflowError('invalid_transition', `no notice ${id}`);
  return notice;
}

export async function createNotice(portal: Portal, user: ArticleUser, content: NoticeContent, now = new Date()): Promise<Article> {
  // Scope first, so that a county cannot learn from the answer whether its neighbour has drafted a notice.
  startDraft(workflowActorOf(user), content.regionCode);
  await noticeRegionName(portal, content.regionCode);
  await checkUnique(portal, content.regionCode, content.quarter);
  return createArticle(portal, user, 'notice', noticeDraft(content), now);
}

/** What the "new from figures" form leaves to staff; title and body come from the portal's own figures. */
export type NoticeStart = Pick<NoticeContent, 'regionCode' | 'quarter' | 'issuer' | 'docNumber'>;

export async function createNoticeFromFigures(portal: Portal, user: ArticleUser, start: NoticeStart, now = new Date()): Promise<Article> {
  startDraft(workflowActorOf(user), start.regionCode);
  const name = await noticeRegionName(portal, start.regionCode);
  const figures = await quarterFigures(portal.store, start.regionCode, start.quarter, now);
  return createNotice(portal, user, { ...start, title: defaultNoticeTitle(name, start.quarter), bodyMd: draftNoticeMarkdown(figures) }, now);
}

export async function editNotice(portal: Portal, user: ArticleUser, id: number, content: NoticeContent, now = new Date()): Promise<Article> {
  const before = await mustLoad(portal, id);
  // The workflow checks these again in its transaction; here they come before anything is revealed.
  transition(workflowActorOf(user), before, 'edit', { now });
  if (!canActOn(user.account.regionCode, content.regionCode)) throw new WorkflowError('out_of_region', `cannot move to ${content.regionCode}`, 'regionCode');
  await noticeRegionName(portal, content.regionCode);
  await checkUnique(portal, content.regionCode, content.quarter, id);
  return editArticle(portal, user, id, noticeDraft(content), now);
}

/**
 * A correction changes the text, never what the notice is about: its region and quarter are its address. It
 * is only proposed here; a second reviewer approves it (approveNoticeRevision) before the public sees it.
 */
export async function correctNotice(portal: Portal, user: ArticleUser, id: number, note: string, content: NoticeContent, now = new Date()): Promise<Article> {
  const before = await mustLoad(portal, id);
  if (formatQuarterParam(quarterOfNotice(before)) !== formatQuarterParam(content.quarter)) {
    throw new NoticeInputError([{ field: 'quarter', message: '更正不能改变通报的季度' }]);
  }
  return correctArticle(portal, user, id, note, noticeDraft(content), now);
}

export async function approveNotice(portal: Portal, user: ArticleUser, id: number, seenRevision: number, at: string | null, now = new Date()): Promise<Article> {
  await mustLoad(portal, id);
  return approveArticle(portal, user, id, seenRevision, at, now, { permalinkOf: (article) => noticePermalink(article.regionCode, quarterOfNotice(article)) });
}

export async function submitNotice(portal: Portal, user: ArticleUser, id: number, now = new Date()): Promise<Article> {
  await mustLoad(portal, id);
  return submitArticle(portal, user, id, now);
}

export async function returnNotice(portal: Portal, user: ArticleUser, id: number, seenRevision: number, note: string | null, now = new Date()): Promise<Article> {
  await mustLoad(portal, id);
  return returnArticle(portal, user, id, seenRevision, note, now);
}

/** Asks for the notice to be withdrawn; a second reviewer approves it (approveNoticeRevision). */
export async function withdrawNotice(portal: Portal, user: ArticleUser, id: number, reason: string, now = new Date()): Promise<Article> {
  await mustLoad(portal, id);
  return withdrawArticle(portal, user, id, reason, now);
}

/** Approves the pending correction or withdrawal the reviewer was shown (`seenRevision`). */
export async function approveNoticeRevision(portal: Portal, user: ArticleUser, id: number, seenRevision: number, now = new Date()): Promise<Article> {
  await mustLoad(portal, id);
  return approveRevision(portal, user, id, seenRevision, now);
}

export async function rejectNoticeRevision(portal: Portal, user: ArticleUser, id: number, seenRevision: number, reason: string, now = new Date()): Promise<Article> {
  await mustLoad(portal, id);
  return rejectRevision(portal, user, id, seenRevision, reason, now);
}
