import type { AstroGlobal } from 'astro';
import { z } from 'zod';
import type { Article } from '../../domain/publishing/article.ts';
import { WorkflowError } from '../../domain/publishing/workflow.ts';
import { hasAnyRole } from '../../domain/staff/roles.ts';
import { ct } from '../../i18n/clarifications.zh-CN.ts';
import { type StaffUser, staffUserOf } from '../staff/staffAuth.ts';
import { staffErrorPage } from '../staff/staffRequest.ts';
import { type Portal, portal } from '../portal.ts';
import { ClarificationInputError } from './clarificationActions.ts';
import { clarificationForStaff } from './staffQueue.ts';
import type { FieldError } from '../staff/staffForm.ts';

/**
 * The signed-in user of a clarification page, or the 403 page to send instead. The workflow checks role and
 * region again on every action; this keeps people without either role out of the section altogether.
 */
export function clarificationStaff(locals: object): StaffUser | Response {
  const user = staffUserOf(locals);
  return hasAnyRole(user.account.roles, ['publisher', 'reviewer']) ? user : staffErrorPage(403, ct('staff.forbidden'));
}

export function notFoundPage(): Response {
  return staffErrorPage(404, ct('staff.notFound'));
}

const clarificationId = z.coerce.number().int().positive();

/**
 * How every page about one clarification starts: never cached, only for the section's roles, and only an
 * item within the user's region (404 otherwise, as for an id that does not exist). Else the page to send.
 */
export async function staffClarificationPage(
  astro: Pick<AstroGlobal, 'response' | 'locals' | 'params'>,
): Promise<{ user: StaffUser; portal: Portal; article: Article } | Response> {
  astro.response.headers.set('cache-control', 'no-store');
  const user = clarificationStaff(astro.locals);
  if (user instanceof Response) return user;
  const p = await portal();
  const id = clarificationId.safeParse(astro.params.id);
  const article = id.success ? await clarificationForStaff(p, user, id.data) : undefined;
  return article ? { user, portal: p, article } : notFoundPage();
}

/**
 * A refused action as a form error beside the field it concerns (or at the top). Role and region refusals
 * become a 403 page: they mean a tampered form or a changed account, not a typing mistake.
 */
export function actionErrors(error: unknown, fallbackField = 'form'): FieldError[] | Response {
  if (error instanceof ClarificationInputError) return error.errors.map((e) => ({ field: e.field === 'regionCode' ? 'region' : e.field === 'relatedDrugs' ? 'drugs' : e.field, message: e.message }));
  if (!(error instanceof WorkflowError)) throw error;
  if (error.code === 'missing_role' || error.code === 'out_of_region') return staffErrorPage(403, ct(`error.${error.code}`));
  return [{ field: error.field ?? fallbackField, message: ct(`error.${error.code}`) }];
}
