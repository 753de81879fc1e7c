import type { AstroGlobal } from 'astro';
import { z } from 'zod';
import type { Article, ArticleKind } from '../../domain/publishing/article.ts';
import { WorkflowError, type WorkflowErrorCode } from '../../domain/publishing/workflow.ts';
import { canActOn } from '../../domain/staff/regionScope.ts';
import { hasAnyRole } from '../../domain/staff/roles.ts';
import { type Portal, portal } from '../portal.ts';
import { type StaffUser, staffUserOf } from '../staff/staffAuth.ts';
import type { FieldError } from '../staff/staffForm.ts';
import { staffErrorPage } from '../staff/staffRequest.ts';
import type { ArticleUser } from './articleActions.ts';
import { ArticleInputError } from './articleInputError.ts';
import { loadArticleOfKind } from '../store/articleStore.ts';

/** The strings a kind's staff pages need from its table (ct, et): each kind words them its own way. */
export type StaffArticleWording = (key: 'staff.forbidden' | 'staff.notFound' | `error.${WorkflowErrorCode}`) => string;

/**
 * The signed-in user of a kind's staff page, or the 403 page to send instead. The workflow checks role and
 * region again on every action; this keeps people without either role out of the section altogether.
 */
export function articleStaff(locals: object, say: StaffArticleWording): StaffUser | Response {
  const user = staffUserOf(locals);
  return hasAnyRole(user.account.roles, ['publisher', 'reviewer']) ? user : staffErrorPage(403, say('staff.forbidden'));
}

/** The article for a staff page: only of the kind and within the user's region, otherwise undefined (404). */
export async function articleForStaff(portal: Portal, user: ArticleUser, kind: ArticleKind, id: number): Promise<Article | undefined> {
  const article = await loadArticleOfKind(portal.store, kind, id);
  return article && canActOn(user.account.regionCode, article.regionCode) ? article : undefined;
}

const articleId = z.coerce.number().int().positive().max(2 ** 31);

/**
 * How every staff page about one article starts: never cached, only for the section's roles, and only an
 * item within the user's region (404 otherwise, as for an id that does not exist, so ids cannot be probed).
 */
export async function staffArticlePage(
  astro: Pick<AstroGlobal, 'response' | 'locals' | 'params'>,
  kind: ArticleKind,
  say: StaffArticleWording,
): Promise<{ user: StaffUser; portal: Portal; article: Article } | Response> {
  astro.response.headers.set('cache-control', 'no-store');
  const user = articleStaff(astro.locals, say);
  if (user instanceof Response) return user;
  const p = await portal();
  const id = articleId.safeParse(astro.params.id);
  const article = id.success ? await articleForStaff(p, user, kind, id.data) : undefined;
  return article ? { user, portal: p, article } : staffErrorPage(404, say('staff.notFound'));
}

/** Content field → form field where the two are named differently (the form avoids names ending in "code"). */
const formFieldOf: Record<string, string> = { regionCode: 'region', relatedDrugs: 'drugs' };

/**
 * A refused action as a form error beside the field it concerns (or at the top). Role and region refusals
 * become a 403 page: they mean a tampered form or a changed account, not a typing mistake.
 */
export function articleActionErrors(error: unknown, say: StaffArticleWording, fallbackField = 'form'): FieldError[] | Response {
  if (error instanceof ArticleInputError) return error.errors.map((e) => ({ field: formFieldOf[e.field] ?? e.field, message: e.message }));
  if (!(error instanceof WorkflowError)) throw error;
  if (error.code === 'missing_role' || error.code === 'out_of_region') return staffErrorPage(403, say(`error.${error.code}`));
  return [{ field: error.field ?? fallbackField, message: say(`error.${error.code}`) }];
}
