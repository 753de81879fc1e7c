import type { Article, ArticleRevision, ProposedText } from '../../domain/publishing/article.ts';
import { type DiffLine, lineDiff } from '../../domain/publishing/lineDiff.ts';
import type { RevisionKind } from '../../domain/publishing/workflow.ts';
import { articleKinds } from './articleKinds.ts';

/**
 * A pending correction or withdrawal as the staff page shows it to the second reviewer: who proposed it, the
 * public note, and for a correction what changes against the published text (fields and body, line by line).
 */
export interface RevisionView {
  kind: RevisionKind;
  authorId: number;
  createdAt: string;
  note: string;
  /** The article's revision number the page shows; the approve and reject forms carry it back. */
  revision: number;
  changedFields: { label: string; before: string; after: string }[];
  /** Empty for a withdrawal, and for a correction that leaves the body as it is. */
  bodyDiff: DiffLine[];
}

function publishedText(article: Article): ProposedText {
  return { title: article.title, issuer: article.issuer, bodyMd: article.bodyMd, category: article.category, data: article.data, relatedDrugIds: article.relatedDrugIds };
}

function changes(article: Article, pending: ArticleRevision): Pick<RevisionView, 'changedFields' | 'bodyDiff'> {
  if (!pending.proposed) return { changedFields: [], bodyDiff: [] };
  const fieldsOf = articleKinds[article.kind].revisionFields;
  const before = fieldsOf(publishedText(article));
  const after = fieldsOf(pending.proposed);
  const changedFields = before
    .map((field, i) => ({ label: field.label, before: field.value, after: after[i]?.value ?? '' }))
    .filter((field) => field.before !== field.after);
  const bodyDiff = article.bodyMd === pending.proposed.bodyMd ? [] : lineDiff(article.bodyMd, pending.proposed.bodyMd);
  return { changedFields, bodyDiff };
}

export function revisionView(article: Article): RevisionView | null {
  const pending = article.pendingRevision;
  if (!pending) return null;
  return { kind: pending.kind, authorId: pending.authorId, createdAt: pending.createdAt, note: pending.note, revision: article.revision, ...changes(article, pending) };
}
