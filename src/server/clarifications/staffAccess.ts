import type { AstroGlobal } from 'astro';
import type { Article } from '../../domain/publishing/article.ts';
import { ct } from '../../i18n/clarifications.zh-CN.ts';
import type { Portal } from '../portal.ts';
import { articleActionErrors, articleStaff, staffArticlePage } from '../publishing/staffArticleAccess.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import type { FieldError } from '../staff/staffForm.ts';
import { staffErrorPage } from '../staff/staffRequest.ts';

/** The clarification section's staff pages, in its wording (server/publishing/staffArticleAccess.ts does the work). */
export function clarificationStaff(locals: object): StaffUser | Response {
  return articleStaff(locals, ct);
}

export function notFoundPage(): Response {
  return staffErrorPage(404, ct('staff.notFound'));
}

export function staffClarificationPage(astro: Pick<AstroGlobal, 'response' | 'locals' | 'params'>): Promise<{ user: StaffUser; portal: Portal; article: Article } | Response> {
  return staffArticlePage(astro, 'clarification', ct);
}

export function actionErrors(error: unknown, fallbackField = 'form'): FieldError[] | Response {
  return articleActionErrors(error, ct, fallbackField);
}
