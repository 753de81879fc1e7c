import { z } from 'zod';
import type { Article } from '../../domain/publishing/article.ts';
import { shanghaiLocalDateTime } from '../../domain/publishing/scheduleTime.ts';
import type { Portal } from '../portal.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import { type FieldError, readStaffForm } from '../staff/staffForm.ts';
import { approveArticle, approveRevision, rejectRevision, returnArticle, submitArticle, withdrawArticle } from './articleActions.ts';
import { seenRevision } from './seenRevision.ts';
import { articleActionErrors, type StaffArticleWording } from './staffArticleAccess.ts';

/**
 * The buttons of an article's staff page, for any kind whose address follows from its publication date and
 * title: one form per button, the button's value says which. Decisions carry the revision the page showed.
 */
export const articleDecisionForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit') }),
  z.object({ action: z.literal('return'), revision: seenRevision, note: z.string().max(500, '退回意见不能超过 500 字').optional() }),
  z.object({
    action: z.literal('approve'),
    revision: seenRevision,
    mode: z.enum(['now', 'schedule'], { error: '请选择立即发布或定时发布' }),
    publishAt: z.string().optional(),
  }),
  z.object({ action: z.literal('withdraw'), reason: z.string().trim().min(4, '请写明撤回原因（至少 4 个字）').max(500) }),
  z.object({ action: z.literal('approve_revision'), revision: seenRevision }),
  z.object({ action: z.literal('reject_revision'), revision: seenRevision, rejectReason: z.string().trim().min(2, '请写明驳回理由').max(500, '驳回理由不能超过 500 字') }),
]);
type Decision = z.infer<typeof articleDecisionForm>;

/** What the page says after a decision (?done=…); each kind's strings have `done.<key>`. */
export const decisionOutcomes = [
  'created', 'edited', 'submitted', 'returned', 'published', 'scheduled', 'corrected', 'withdrawn',
  'correctionProposed', 'withdrawalProposed', 'revisionRejected',
] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export function decisionOutcome(param: string | null): DecisionOutcome | undefined {
  return decisionOutcomes.find((k) => k === param);
}

async function carryOut(portal: Portal, user: StaffUser, id: number, data: Decision, scheduleAt: string | null): Promise<DecisionOutcome> {
  switch (data.action) {
    case 'submit':
      await submitArticle(portal, user, id);
      return 'submitted';
    case 'return':
      await returnArticle(portal, user, id, data.revision, data.note ?? null);
      return 'returned';
    case 'withdraw':
      await withdrawArticle(portal, user, id, data.reason);
      return 'withdrawalProposed';
    case 'approve_revision':
      return (await approveRevision(portal, user, id, data.revision)).state === 'withdrawn' ? 'withdrawn' : 'corrected';
    case 'reject_revision':
      await rejectRevision(portal, user, id, data.revision, data.rejectReason);
      return 'revisionRejected';
    case 'approve':
      return (await approveArticle(portal, user, id, data.revision, scheduleAt)).state === 'scheduled' ? 'scheduled' : 'published';
  }
}

/** Where a refusal of each decision is shown on the page. */
const refusalFields: Partial<Record<Decision['action'], string>> = { withdraw: 'reason', approve: 'mode', reject_revision: 'rejectReason' };

/**
 * A POST to an article's staff page: the form read (CSRF checked), the decision carried out, and where to go
 * next (`{outcome}`), or the errors to show beside the buttons, or the 403 page for a role or region refusal.
 */
export async function decideOnArticle(
  request: Request,
  portal: Portal,
  user: StaffUser,
  article: Article,
  say: StaffArticleWording,
): Promise<{ outcome: DecisionOutcome } | { errors: FieldError[] } | Response> {
  const form = await readStaffForm(request, user.session.csrfToken, articleDecisionForm);
  if (!form.ok) return { errors: form.errors };
  const data = form.data;
  let scheduleAt: string | null = null;
  if (data.action === 'approve' && data.mode === 'schedule') {
    const at = shanghaiLocalDateTime.safeParse(data.publishAt ?? '');
    if (!at.success) return { errors: [{ field: 'publishAt', message: at.error.issues[0]?.message ?? '请选择日期和时间' }] };
    scheduleAt = at.data;
  }
  try {
    return { outcome: await carryOut(portal, user, article.id, data, scheduleAt) };
  } catch (error) {
    const handled = articleActionErrors(error, say, refusalFields[data.action] ?? 'form');
    if (handled instanceof Response) return handled;
    // The workflow names a missing reason `reason`; on the reject form that field is the reject reason.
    if (data.action === 'reject_revision') for (const e of handled) if (e.field === 'reason') e.field = 'rejectReason';
    return { errors: handled };
  }
}
