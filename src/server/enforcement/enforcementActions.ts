import type { EnforcementContent } from '../../domain/enforcement/enforcementResult.ts';
import type { Article } from '../../domain/publishing/article.ts';
import type { Portal } from '../portal.ts';
import { type ArticleDraft, type ArticleUser, correctArticle, createArticle, editArticle } from '../publishing/articleActions.ts';
import { ArticleInputError } from '../publishing/articleInputError.ts';
import { articleReferenceProblems } from '../publishing/articleReferences.ts';

/**
 * Enforcement results (整治结果) through the generic workflow (server/publishing/articleActions.ts), which checks
 * role, region and the two-person rule and writes the audit entries. Here only what needs the store: the
 * region and the drugs must exist. The action is the article's category, so it can be filtered and counted.
 * The other steps (submit, approve, return, withdraw, decide on a revision) are the generic ones as they are.
 */
export function enforcementDraft(content: EnforcementContent): ArticleDraft {
  return {
    title: content.title,
    issuer: content.issuer,
    bodyMd: content.bodyMd,
    category: content.action,
    data: { finding: content.finding, actionDate: content.actionDate, party: content.party },
    regionCode: content.regionCode,
    relatedDrugIds: content.relatedDrugIds,
    publishAt: content.publishAt,
    requestedSlug: content.slug,
  };
}

async function checkReferences(portal: Portal, content: EnforcementContent): Promise<void> {
  const problems = await articleReferenceProblems(portal, content.regionCode, content.relatedDrugIds);
  if (problems.length > 0) throw new ArticleInputError(problems);
}

export async function createEnforcementResult(portal: Portal, user: ArticleUser, content: EnforcementContent, now = new Date()): Promise<Article> {
  await checkReferences(portal, content);
  return createArticle(portal, user, 'enforcement', enforcementDraft(content), now);
}

export async function editEnforcementResult(portal: Portal, user: ArticleUser, id: number, content: EnforcementContent, now = new Date()): Promise<Article> {
  await checkReferences(portal, content);
  return editArticle(portal, user, id, enforcementDraft(content), now);
}

/** Proposes a corrected text for a published result; it goes live when a second reviewer approves it. */
export async function correctEnforcementResult(portal: Portal, user: ArticleUser, id: number, note: string, content: EnforcementContent, now = new Date()): Promise<Article> {
  await checkReferences(portal, content);
  return correctArticle(portal, user, id, note, enforcementDraft(content), now);
}
