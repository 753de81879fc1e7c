import { type ArticleKind, permalinkPath } from '../../domain/publishing/article.ts';
import { type ArticleState, effectiveState } from '../../domain/publishing/workflow.ts';
import type { Portal } from '../portal.ts';
import { articlesInRegion } from '../store/articleStore.ts';
import { regionNames } from '../store/regionStore.ts';
import type { ArticleUser } from './articleActions.ts';
import { publishDueArticles } from './articleIndexing.ts';
import { staffNames } from './staffNames.ts';

/** One line of a kind's back-office queue. */
export interface QueueEntry {
  id: number;
  title: string;
  /** The kind's classification (a verdict, an action), as stored. */
  category: string | null;
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

export type ArticleQueue = Record<ArticleState, QueueEntry[]>;

/** Published items beyond this many are reached through the public list; the queue is for work in hand. */
const publishedShown = 30;

/**
 * Everything of a kind in the user's region and below, by state: what needs writing, what needs reviewing,
 * what is coming up, and the latest published. Staff of a county never see a neighbouring county's drafts.
 */
export async function articleQueue(portal: Portal, user: ArticleUser, kind: ArticleKind, now = new Date()): Promise<ArticleQueue> {
  await publishDueArticles(portal, now);
  const articles = await articlesInRegion(portal.store, kind, user.account.regionCode, 500);
  const [authors, regions] = await Promise.all([
    staffNames(portal, articles.map((a) => a.authorId)),
    regionNames(portal.store, articles.map((a) => a.regionCode)),
  ]);
  const queue: ArticleQueue = { draft: [], in_review: [], scheduled: [], published: [], withdrawn: [] };
  for (const article of articles) {
    const state = effectiveState(article, now);
    if ((state === 'published' || state === 'withdrawn') && queue[state].length >= publishedShown) continue;
    queue[state].push({
      id: article.id,
      title: article.title,
      category: article.category,
      state,
      regionName: regions.get(article.regionCode) ?? article.regionCode,
      authorName: authors.get(article.authorId) ?? String(article.authorId),
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
