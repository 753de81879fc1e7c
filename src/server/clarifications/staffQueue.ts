import type { Article } from '../../domain/publishing/article.ts';
import type { Portal } from '../portal.ts';
import type { ArticleUser } from '../publishing/articleActions.ts';
import { type ArticleQueue, articleQueue } from '../publishing/staffArticleQueue.ts';
import { articleForStaff } from '../publishing/staffArticleAccess.ts';

/** The clarification back-office queue: everything in the user's region and below, by state. */
export function clarificationQueue(portal: Portal, user: ArticleUser, now = new Date()): Promise<ArticleQueue> {
  return articleQueue(portal, user, 'clarification', now);
}

/** The article for a staff page: only a clarification within the user's region, otherwise undefined (404). */
export function clarificationForStaff(portal: Portal, user: ArticleUser, id: number): Promise<Article | undefined> {
  return articleForStaff(portal, user, 'clarification', id);
}
