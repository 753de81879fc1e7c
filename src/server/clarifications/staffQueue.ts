import { clarificationVerdict, type ClarificationVerdict } from '../../domain/clarifications/clarification.ts';
import { type Article, permalinkPath } from '../../domain/publishing/article.ts';
import { type ArticleState, effectiveState } from '../../domain/publishing/workflow.ts';
import { canActOn } from '../../domain/staff/regionScope.ts';
import type { Portal } from '../portal.ts';
import type { ArticleUser } from '../publishing/articleActions.ts';
import { publishDueArticles } from '../publishing/articleIndexing.ts';
import { articlesInRegion } from '../store/articleStore.ts';
import { regionNames } from '../store/regionStore.ts';
import { staffDisplayNames } from '../store/staffAccountStore.ts';
import { loadClarificationArticle } from './clarificationActions.ts';

/** One line of the back-office queue. */
export interface QueueEntry {
  id: number;
  title: string;
  verdict: ClarificationVerdict;
  state: ArticleState;
  regionName: string;
  authorName: string;
  updatedAt: string;
  publishAt: string | null;
  path: string | null;
  reviewNote: string | null;
  /** A correction or withdrawal waits for a second reviewer. */
  pendingRevision: boolean;
}

export type ClarificationQueue = Record<ArticleState, QueueEntry[]>;

/** Published items beyond this many are reached through the public list; the queue is for work in hand. */
const publishedShown = 30;

/**
 * Everything in the user's region and below, by state: what needs writing, what needs reviewing, what is
 * coming up, and the latest published. Staff of a county never see a neighbouring county's drafts.
 */
export async function clarificationQueue(portal: Portal, user: ArticleUser, now = new Date()): Promise<ClarificationQueue> {
  await publishDueArticles(portal, now);
  const articles = await articlesInRegion(portal.store, 'clarification', user.account.regionCode, 500);
  const [authors, regions] = await Promise.all([
    staffDisplayNames(portal.store, articles.map((a) => a.authorId)),
    regionNames(portal.store, articles.map((a) => a.regionCode)),
  ]);
  const queue: ClarificationQueue = { draft: [], in_review: [], scheduled: [], published: [], withdrawn: [] };
  for (const article of articles) {
    const state = effectiveState(article, now);
    if ((state === 'published' || state === 'withdrawn') && queue[state].length >= publishedShown) continue;
    queue[state].push({
      id: article.id,
      title: article.title,
      verdict: clarificationVerdict.catch('unverified').parse(article.category),
      state,
      regionName: regions.get(article.regionCode) ?? article.regionCode,
      authorName: authors.get(article.authorId)?.displayName ?? String(article.authorId),
      updatedAt: article.updatedAt,
      publishAt: article.publishAt,
      path: article.permalink ? permalinkPath(article.kind, article.permalink) : null,
      reviewNote: article.reviewNote,
      pendingRevision: article.pendingRevision !== null,
    });
  }
  // What waits longest for a reviewer comes first.
  queue.in_review.reverse();
  return queue;
}

/** The article for a staff page: only a clarification within the user's region, otherwise undefined (404). */
export async function clarificationForStaff(portal: Portal, user: ArticleUser, id: number): Promise<Article | undefined> {
  const article = await loadClarificationArticle(portal, id);
  return article && canActOn(user.account.regionCode, article.regionCode) ? article : undefined;
}
