import type { ClarificationContent } from '../../domain/clarifications/clarification.ts';
import type { Article } from '../../domain/publishing/article.ts';
import type { Portal } from '../portal.ts';
import {
  type ArticleDraft,
  type ArticleUser,
  approveArticle,
  approveRevision,
  correctArticle,
  createArticle,
  editArticle,
  rejectRevision,
  returnArticle,
  submitArticle,
  withdrawArticle,
} from '../publishing/articleActions.ts';
import { ArticleInputError, type InputProblem } from '../publishing/articleInputError.ts';
import { articleReferenceProblems } from '../publishing/articleReferences.ts';
import { loadArticleOfKind } from '../store/articleStore.ts';

/**
 * Clarification-specific checks in front of the generic workflow: content already validated by zod
 * (clarificationContent), here only what needs the store — the drugs and the region must exist.
 */
export class ClarificationInputError extends ArticleInputError {
  constructor(errors: InputProblem[]) {
    super(errors);
    this.name = 'ClarificationInputError';
  }
}

export function clarificationDraft(content: ClarificationContent): ArticleDraft {
  return {
    title: content.title,
    issuer: content.issuer,
    bodyMd: content.explanation,
    category: content.verdict,
    data: { claim: content.claim, sources: content.sources },
    regionCode: content.regionCode,
    relatedDrugIds: content.relatedDrugIds,
    publishAt: content.publishAt,
    requestedSlug: content.slug,
  };
}

async function checkReferences(portal: Portal, content: ClarificationContent): Promise<void> {
  const errors = await articleReferenceProblems(portal, content.regionCode, content.relatedDrugIds);
  if (errors.length > 0) throw new ClarificationInputError(errors);
}

/** The article when it exists and is a clarification; pages answer 404 otherwise. */
export async function loadClarificationArticle(portal: Portal, id: number): Promise<Article | undefined> {
  return loadArticleOfKind(portal.store, 'clarification', id);
}

export async function createClarification(portal: Portal, user: ArticleUser, content: ClarificationContent, now = new Date()): Promise<Article> {
  await checkReferences(portal, content);
  return createArticle(portal, user, 'clarification', clarificationDraft(content), now);
}

export async function editClarification(portal: Portal, user: ArticleUser, id: number, content: ClarificationContent, now = new Date()): Promise<Article> {
  await checkReferences(portal, content);
  return editArticle(portal, user, id, clarificationDraft(content), now);
}

/** Proposes a corrected text for a published clarification; it goes live when a second reviewer approves it. */
export async function correctClarification(
  portal: Portal,
  user: ArticleUser,
  id: number,
  note: string,
  content: ClarificationContent,
  now = new Date(),
): Promise<Article> {
  await checkReferences(portal, content);
  return correctArticle(portal, user, id, note, clarificationDraft(content), now);
}

// The remaining steps have nothing clarification-specific; named here so that pages import one module.
export {
  approveArticle as approveClarification,
  approveRevision as approveClarificationRevision,
  rejectRevision as rejectClarificationRevision,
  returnArticle as returnClarification,
  submitArticle as submitClarification,
  withdrawArticle as withdrawClarification,
};
