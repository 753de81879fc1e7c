import type { Article } from '../../domain/publishing/article.ts';
import type { Portal } from '../portal.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import type { FieldError } from '../staff/staffForm.ts';
import { type DecisionOutcome, decideOnArticle, decisionOutcome } from './articleDecisions.ts';
import { type ArticleStaffDetail, articleStaffDetail } from './articleStaffDetail.ts';
import { articleForStaff, type StaffArticleWording } from './staffArticleAccess.ts';

/** What an article's staff page renders once any posted decision has been dealt with. */
export interface ArticleReviewState {
  article: Article;
  detail: ArticleStaffDetail;
  errors: FieldError[];
  /** The outcome of the decision that led here (?done=…), for the confirmation line. */
  done: DecisionOutcome | undefined;
}

/**
 * The staff page of one article of any kind: a POST is a decision (carried out, then a 303 to `basePath`
 * with the outcome; or the errors, shown with the article as it now stands); a GET shows the article.
 */
export async function articleReviewPage(
  request: Request,
  url: URL,
  page: { user: StaffUser; portal: Portal; article: Article },
  say: StaffArticleWording,
  basePath: string,
): Promise<ArticleReviewState | { redirectTo: string } | Response> {
  const { user, portal } = page;
  let article = page.article;
  let errors: FieldError[] = [];
  if (request.method === 'POST') {
    const decided = await decideOnArticle(request, portal, user, article, say);
    if (decided instanceof Response) return decided;
    if ('outcome' in decided) return { redirectTo: `${basePath}?done=${decided.outcome}` };
    errors = decided.errors;
    article = (await articleForStaff(portal, user, article.kind, article.id)) ?? article;
  }
  return { article, detail: await articleStaffDetail(portal, user, article), errors, done: decisionOutcome(url.searchParams.get('done')) };
}
