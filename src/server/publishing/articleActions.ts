import { type Article, type ArticleKind, articleAuditView, type Permalink } from '../../domain/publishing/article.ts';
import { permalinkYear, slugFrom, uniqueSlug } from '../../domain/publishing/slug.ts';
import { startDraft, transition, type WorkflowAction, type WorkflowActor, WorkflowError } from '../../domain/publishing/workflow.ts';
import type { AuditAction, AuditActor } from '../../domain/staff/audit.ts';
import { canActOn } from '../../domain/staff/regionScope.ts';
import type { StaffRole } from '../../domain/staff/roles.ts';
import type { Portal } from '../portal.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import type { Store } from '../store/openStore.ts';
import { syncArticleIndex } from './articleIndexing.ts';
import { decideRevision, insertArticle, insertCorrection, insertRevision, loadArticle, replaceRelatedDrugs, takenSlugs, updateArticleRow } from '../store/articleStore.ts';

/**
 * The workflow's actions for any kind of article. Each one checks the rules (domain/publishing/workflow.ts),
 * writes the change and its audit entry in one transaction, then updates search. Kinds validate their own
 * fields before calling in (server/clarifications/clarificationActions.ts). Decisions on someone else's text
 * (approve, return, approve or reject a revision) take the revision number the decider's page showed.
 */

/** The signed-in person, narrowed to what the workflow and the audit log need (a StaffUser fits). */
export interface ArticleUser {
  account: { id: number; username: string; roles: readonly StaffRole[]; regionCode: string };
  ip: string | null;
}

/** The text and metadata staff edit, in the store's terms; `data` is the kind's own fields. */
export interface ArticleDraft {
  title: string;
  issuer: string;
  bodyMd: string;
  category: string | null;
  data: Record<string, unknown>;
  regionCode: string;
  relatedDrugIds: string[];
  publishAt: string | null;
  requestedSlug: string | null;
}

/** The person as the workflow rules see them (domain/publishing/workflow.ts). */
export const workflowActorOf = (user: ArticleUser): WorkflowActor => ({ id: user.account.id, roles: user.account.roles, regionCode: user.account.regionCode });
const auditActorOf = (user: ArticleUser): AuditActor => ({ id: user.account.id, username: user.account.username, ip: user.ip });
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

async function mustLoad(db: Store, id: number): Promise<Article> {
  const article = await loadArticle(db, id);
  if (!article) throw new WorkflowError('invalid_transition', `no article ${id}`);
  return article;
}

/** Runs one change in a transaction with its audit entry, then syncs search; returns the article as stored. */
async function act(
  portal: Portal,
  user: ArticleUser,
  id: number,
  action: AuditAction | ((before: Article) => AuditAction),
  change: (trx: Store, before: Article) => Promise<Record<string, unknown> | undefined>,
  now: Date,
): Promise<Article> {
  await portal.store.transaction().execute(async (trx) => {
    const before = await mustLoad(trx, id);
    const detail = await change(trx, before);
    const after = await mustLoad(trx, id);
    await appendAudit(
      trx,
      auditActorOf(user),
      { action: typeof action === 'function' ? action(before) : action, regionCode: after.regionCode, target: { type: after.kind, id }, before: articleAuditView(before), after: articleAuditView(after), detail: detail ?? null },
      now,
    );
  });
  await syncArticleIndex(portal, id, now);
  return mustLoad(portal.store, id);
}

function draftColumns(draft: ArticleDraft) {
  return {
    title: draft.title,
    issuer: draft.issuer,
    body_md: draft.bodyMd,
    category: draft.category,
    data_json: JSON.stringify(draft.data),
    region_code: draft.regionCode,
    publish_at: iso(draft.publishAt),
    requested_slug: draft.requestedSlug,
  };
}

export async function createArticle(portal: Portal, user: ArticleUser, kind: ArticleKind, draft: ArticleDraft, now = new Date()): Promise<Article> {
  const start = startDraft(workflowActorOf(user), draft.regionCode);
  const id = await portal.store.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    const newId = await insertArticle(
      trx,
      {
        kind, ...draftColumns(draft), state: start.state, author_id: start.authorId, last_editor_id: start.lastEditorId,
        permalink_year: null, permalink_slug: null, published_at: null, corrected_at: null, withdrawn_at: null,
        withdrawn_reason: null, review_note: null, reviewer_id: null, created_at: stamp, updated_at: stamp, indexed_at: null, revision: 1,
      },
      draft.relatedDrugIds,
    );
    const created = await mustLoad(trx, newId);
    await appendAudit(trx, auditActorOf(user), { action: 'article.create', regionCode: draft.regionCode, target: { type: kind, id: newId }, after: articleAuditView(created) }, now);
    return newId;
  });
  return mustLoad(portal.store, id);
}

/** Edits a draft or an item in review. Moving it to another region needs scope over that region as well. */
export async function editArticle(portal: Portal, user: ArticleUser, id: number, draft: ArticleDraft, now = new Date()): Promise<Article> {
  return act(portal, user, id, 'article.edit', async (trx, before) => {
    const result = transition(workflowActorOf(user), before, 'edit', { now });
    if (!canActOn(user.account.regionCode, draft.regionCode)) throw new WorkflowError('out_of_region', `cannot move to ${draft.regionCode}`, 'regionCode');
    await updateArticleRow(trx, id, { ...draftColumns(draft), last_editor_id: result.lastEditorId, revision: result.revision, updated_at: now.toISOString() });
    await replaceRelatedDrugs(trx, id, draft.relatedDrugIds);
    return undefined;
  }, now);
}

async function simpleTransition(
  portal: Portal,
  user: ArticleUser,
  id: number,
  action: 'submit' | 'return',
  seenRevision: number | undefined,
  note: string | null,
  now: Date,
): Promise<Article> {
  return act(portal, user, id, `article.${action}`, async (trx, before) => {
    const result = transition(workflowActorOf(user), before, action, { now, reason: note ?? undefined, seenRevision });
    const unschedule = action === 'return' && before.state === 'scheduled';
    await updateArticleRow(trx, id, {
      state: result.state,
      publish_at: result.publishAt,
      review_note: action === 'return' ? note : null,
      updated_at: now.toISOString(),
      // A permalink that was never public may still change: it is handed out again at the next publication.
      ...(unschedule ? { permalink_year: null, permalink_slug: null, published_at: null, reviewer_id: null } : {}),
    });
    return note ? { note } : undefined;
  }, now);
}

export const submitArticle = (portal: Portal, user: ArticleUser, id: number, now = new Date()) =>
  simpleTransition(portal, user, id, 'submit', undefined, null, now);
/** Sends an item in review (or scheduled) back to its author; `seenRevision` is the revision the reviewer was shown. */
export const returnArticle = (portal: Portal, user: ArticleUser, id: number, seenRevision: number, note: string | null, now = new Date()) =>
  simpleTransition(portal, user, id, 'return', seenRevision, note?.trim() || null, now);

export interface ApproveOptions {
  /**
   * For kinds whose address follows from their own fields rather than from the publication date and title
   * (a quarterly notice: region and quarter). Read from the article as it stands inside the transaction.
   */
  permalinkOf?: (article: Article) => Permalink;
}

/**
 * Approves an article in review: publishes it now (`at` null) or schedules it for `at`, which must be in the
 * future. Refused if the text changed since the reviewer was shown `seenRevision`. The permalink is fixed
 * here, in the year of publication, and never changes afterwards.
 */
export async function approveArticle(
  portal: Portal,
  user: ArticleUser,
  id: number,
  seenRevision: number,
  at: string | null,
  now = new Date(),
  options: ApproveOptions = {},
): Promise<Article> {
  // A time given means scheduling, and a past one is refused by the workflow rather than published at once.
  const action: WorkflowAction = at ? 'schedule' : 'publish';
  return act(portal, user, id, action === 'schedule' ? 'article.schedule' : 'article.publish', async (trx, before) => {
    const result = transition(workflowActorOf(user), before, action, { now, seenRevision, publishAt: at ? new Date(at).toISOString() : undefined });
    const goesLive = result.publishAt ?? now.toISOString();
    const fixed = options.permalinkOf?.(before);
    const year = fixed?.year ?? permalinkYear(goesLive);
    const taken = await takenSlugs(trx, before.kind, year);
    // A fixed address names one thing only; a second article may not take it over with a -2 suffix.
    if (fixed && taken.has(fixed.slug)) throw new WorkflowError('invalid_transition', `permalink ${year}/${fixed.slug} is taken`, 'permalink');
    const slug = fixed?.slug ?? uniqueSlug(slugFrom({ requested: before.requestedSlug, title: before.title }), taken);
    await updateArticleRow(trx, id, {
      state: result.state,
      publish_at: goesLive,
      published_at: goesLive,
      permalink_year: year,
      permalink_slug: slug,
      reviewer_id: user.account.id,
      review_note: null,
      updated_at: now.toISOString(),
      indexed_at: null,
    });
    return undefined;
  }, now);
}

/**
 * Proposes a new text for a published article, with the dated note the page will show. Nothing public changes:
 * the proposal waits as a pending revision until a second reviewer approves it (approveRevision).
 */
export async function correctArticle(portal: Portal, user: ArticleUser, id: number, note: string, draft: ArticleDraft, now = new Date()): Promise<Article> {
  if (!note.trim()) throw new WorkflowError('reason_required', 'a correction needs a note', 'note');
  return act(portal, user, id, 'article.correct_propose', async (trx, before) => {
    const result = transition(workflowActorOf(user), before, 'correct', { now });
    if (draft.regionCode !== before.regionCode) throw new WorkflowError('invalid_transition', 'a correction cannot move an article to another region', 'regionCode');
    // Title, text and fields may change; the permalink, publication date and region may not.
    const revisionId = await insertRevision(trx, {
      article_id: id, kind: 'correction', title: draft.title, issuer: draft.issuer, body_md: draft.bodyMd, category: draft.category,
      data_json: JSON.stringify(draft.data), related_drug_ids_json: JSON.stringify(draft.relatedDrugIds), note: note.trim(),
      author_id: user.account.id, created_at: now.toISOString(),
    });
    await updateArticleRow(trx, id, { revision: result.revision, updated_at: now.toISOString() });
    return { revisionId, note: note.trim(), proposed: { title: draft.title, issuer: draft.issuer, category: draft.category, bodyMd: draft.bodyMd, data: draft.data, relatedDrugIds: draft.relatedDrugIds } };
  }, now);
}

/**
 * Asks for a published article to be withdrawn, with the reason the page will show. Like a correction it
 * waits for a second reviewer: a withdrawal silences what the authority said and publishes its reason.
 */
export async function withdrawArticle(portal: Portal, user: ArticleUser, id: number, reason: string, now = new Date()): Promise<Article> {
  return act(portal, user, id, 'article.withdraw_propose', async (trx, before) => {
    const result = transition(workflowActorOf(user), before, 'withdraw', { now, reason });
    const revisionId = await insertRevision(trx, {
      article_id: id, kind: 'withdrawal', title: null, issuer: null, body_md: null, category: null, data_json: null,
      related_drug_ids_json: null, note: reason.trim(), author_id: user.account.id, created_at: now.toISOString(),
    });
    await updateArticleRow(trx, id, { revision: result.revision, updated_at: now.toISOString() });
    return { revisionId, reason: reason.trim() };
  }, now);
}

/**
 * A second reviewer approves the pending revision it was shown (`seenRevision`). A correction replaces the
 * text, keeping the previous one and the dated note the page shows; a withdrawal keeps the URL answering
 * with its reason while search drops the item and feeds carry the notice.
 */
export async function approveRevision(portal: Portal, user: ArticleUser, id: number, seenRevision: number, now = new Date()): Promise<Article> {
  const auditAction = (before: Article): AuditAction => (before.pendingRevision?.kind === 'withdrawal' ? 'article.withdraw' : 'article.correct');
  return act(portal, user, id, auditAction, async (trx, before) => {
    const result = transition(workflowActorOf(user), before, 'approve_revision', { now, seenRevision });
    const pending = before.pendingRevision;
    if (!pending) throw new WorkflowError('no_pending_revision', 'nothing pending');
    const stamp = now.toISOString();
    await decideRevision(trx, pending.id, 'approved', user.account.id, now, null);
    const decided = { revision: result.revision, state: result.state, last_editor_id: result.lastEditorId, updated_at: stamp, indexed_at: null };
    const origin = { revisionId: pending.id, proposedBy: pending.authorId };
    if (!pending.proposed) {
      await updateArticleRow(trx, id, { ...decided, withdrawn_at: stamp, withdrawn_reason: pending.note });
      return { ...origin, reason: pending.note };
    }
    await insertCorrection(trx, {
      article_id: id, corrected_at: stamp, note: pending.note, previous_title: before.title, previous_body_md: before.bodyMd,
      previous_category: before.category, previous_data_json: JSON.stringify(before.data), actor_id: pending.authorId,
    });
    const text = pending.proposed;
    await updateArticleRow(trx, id, {
      ...decided, title: text.title, issuer: text.issuer, body_md: text.bodyMd, category: text.category,
      data_json: JSON.stringify(text.data), corrected_at: stamp,
    });
    await replaceRelatedDrugs(trx, id, text.relatedDrugIds);
    return { ...origin, note: pending.note };
  }, now);
}

/** Discards the pending revision it was shown, with a reason for its author; the published text stays. */
export async function rejectRevision(portal: Portal, user: ArticleUser, id: number, seenRevision: number, reason: string, now = new Date()): Promise<Article> {
  return act(portal, user, id, 'article.revision_reject', async (trx, before) => {
    const result = transition(workflowActorOf(user), before, 'reject_revision', { now, seenRevision, reason });
    const pending = before.pendingRevision;
    if (!pending) throw new WorkflowError('no_pending_revision', 'nothing pending');
    await decideRevision(trx, pending.id, 'rejected', user.account.id, now, reason.trim());
    await updateArticleRow(trx, id, { revision: result.revision, updated_at: now.toISOString() });
    return { revisionId: pending.id, kind: pending.kind, proposedBy: pending.authorId, reason: reason.trim() };
  }, now);
}
