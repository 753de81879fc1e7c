import type { Article } from '../../domain/publishing/article.ts';
import { toShanghaiLocalInput } from '../../domain/publishing/scheduleTime.ts';
import { type ArticleState, availableActions, effectiveState, type ItemAction } from '../../domain/publishing/workflow.ts';
import type { Portal } from '../portal.ts';
import { type ArticleUser, workflowActorOf } from './articleActions.ts';
import { type RevisionView, revisionView } from './revisionView.ts';
import { staffNames } from './staffNames.ts';

/** What an article's staff page shows around the kind's own text: its state, who did what, what may be done now. */
export interface ArticleStaffDetail {
  state: ArticleState;
  actions: ItemAction[];
  pending: RevisionView | null;
  /** Display names of author, last editor, reviewer and the proposer of a pending revision. */
  names: Map<number, string>;
  /** The author's requested time, offered to the reviewer when it is still ahead (Shanghai local input). */
  suggested: string;
}

export async function articleStaffDetail(portal: Portal, user: ArticleUser, article: Article, now = new Date()): Promise<ArticleStaffDetail> {
  const pending = revisionView(article);
  const names = await staffNames(portal, [article.authorId, article.lastEditorId, article.reviewerId, pending?.authorId ?? null]);
  return {
    state: effectiveState(article, now),
    actions: availableActions(workflowActorOf(user), article, now),
    pending,
    names,
    suggested: article.publishAt && Date.parse(article.publishAt) > now.getTime() ? toShanghaiLocalInput(article.publishAt) : '',
  };
}
