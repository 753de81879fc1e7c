import type { AstroGlobal } from 'astro';
import type { EnforcementContent } from '../../domain/enforcement/enforcementResult.ts';
import type { Article } from '../../domain/publishing/article.ts';
import { et } from '../../i18n/enforcement.zh-CN.ts';
import type { Portal } from '../portal.ts';
import type { ArticleUser } from '../publishing/articleActions.ts';
import { type ArticleFormState, type ArticleFormSteps, handleArticleForm } from '../publishing/articleFormPost.ts';
import { articleActionErrors, articleForStaff, articleStaff, staffArticlePage } from '../publishing/staffArticleAccess.ts';
import { type ArticleQueue, articleQueue } from '../publishing/staffArticleQueue.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import { type EnforcementFormFields, enforcementFormFields, enforcementFromForm } from './enforcementForm.ts';
import { type EnforcementText, enforcementPreview } from './enforcementView.ts';

/** The enforcement section's staff pages, in its wording; server/publishing/ does the work for every kind. */
export function enforcementStaff(locals: object): StaffUser | Response {
  return articleStaff(locals, et);
}

export function staffEnforcementPage(astro: Pick<AstroGlobal, 'response' | 'locals' | 'params'>): Promise<{ user: StaffUser; portal: Portal; article: Article } | Response> {
  return staffArticlePage(astro, 'enforcement', et);
}

export function enforcementQueue(portal: Portal, user: ArticleUser, now = new Date()): Promise<ArticleQueue> {
  return articleQueue(portal, user, 'enforcement', now);
}

export function enforcementForStaff(portal: Portal, user: ArticleUser, id: number): Promise<Article | undefined> {
  return articleForStaff(portal, user, 'enforcement', id);
}

/** The new, edit and correct pages: validate, preview or save (server/publishing/articleFormPost.ts). */
export function handleEnforcementForm(
  request: Request,
  portal: Portal,
  user: StaffUser,
  steps: ArticleFormSteps<EnforcementFormFields, EnforcementContent>,
): Promise<ArticleFormState<EnforcementText> | { redirectTo: string } | Response> {
  return handleArticleForm(
    request,
    portal,
    user,
    { fields: enforcementFormFields, fromForm: enforcementFromForm, preview: enforcementPreview, refusal: (error, field) => articleActionErrors(error, et, field) },
    steps,
  );
}
