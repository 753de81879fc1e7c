import type { Kysely } from 'kysely';
import { type Article, type ArticleKind, articleAuditView, type Permalink } from '../../domain/publishing/article.ts';
import { permalinkYear, slugFrom, uniqueSlug } from '../../domain/publishing/slug.ts';
import { startDraft, transition, type WorkflowAction, type WorkflowActor, WorkflowError } from '../../domain/publishing/workflow.ts';
import type { AuditAction, AuditActor } from '../../domain/staff/audit.ts';
import { canActOn } from '../../domain/staff/regionScope.ts';
import type { StaffRole } from '../../domain/staff/roles.ts';
import type { Portal } from '../portal.ts';
import { appendAudit } from '../staff/auditLog.ts';
import type { Database } from '../store/schema.ts';
import { syncArticleIndex } from './articleIndexing.ts';
import { insertArticle, insertCorrection, loadArticle, replaceRelatedDrugs, takenSlugs, updateArticleRow } from './articleStore.ts';

/**
 * The workflow's actions for any kind of article. Each one checks the rules (domain/publishing/workflow.ts),
 * writes the change and its audit entry in one transaction, then updates search. Kinds validate their own
 * fields before calling in (server/clarifications/clarificationActions.ts).
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

async function mustLoad(db: Kysely<Database>, id: number): Promise<Article> {
  const article = await loadArticle(db, id);
  if (!article) throw new WorkflowError('invalid_transition', `no article ${id}`);
  return article;
}

/** Runs one change in a transaction with its audit entry, then syncs search; returns the article as stored. */
async function act(
  portal: Portal,
  user: ArticleUser,
  id: number,
  action: AuditAction,
  change: (trx: Kysely<Database>, before: Article) => Promise<Record<string, unknown> | undefined>,
  now: Date,
): Promise<Article> {
  await portal.store.transaction().execute(async (trx) => {
    const before = await mustLoad(trx, id);
    const detail = await change(trx, before);
    const after = await mustLoad(trx, id);
    await appendAudit(
      trx,
      auditActorOf(user),
      { action, regionCode: after.regionCode, target: { type: after.kind, id }, before: articleAuditView(before), after: articleAuditView(after), detail: detail ?? null },
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
        withdrawn_reason: null, review_note: null, reviewer_id: null, created_at: stamp, updated_at: stamp, indexed_at: null,
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
    await updateArticleRow(trx, id, { ...draftColumns(draft), last_editor_id: result.lastEditorId, updated_at: now.toISOString() });
    await replaceRelatedDrugs(trx, id, draft.relatedDrugIds);
    return undefined;
  }, now);
}

async function simpleTransition(portal: Portal, user: ArticleUser, id: number, action: 'submit' | 'return', note: string | null, now: Date): Promise<Article> {
  return act(portal, user, id, `article.${action}`, async (trx, before) => {
    const result = transition(workflowActorOf(user), before, action, { now, reason: note ?? undefined });
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

export const submitArticle = (portal: Portal, user: ArticleUser, id: number, now = new Date()) => simpleTransition(portal, user, id, 'submit', null, now);
export const returnArticle = (portal: Portal, user: ArticleUser, id: number, note: string | null, now = new Date()) =>
  simpleTransition(portal, user, id, 'return', note?.trim() || null, now);

export interface ApproveOptions {
  /**
   * For kinds whose address follows from their own fields rather than from the publication date and title
   * (a quarterly notice: region and quarter). Read from the article as it stands inside the transaction.
   */
  permalinkOf?: (article: Article) => Permalink;
}

/**
 * Approves an article in review: publishes it now (`at` null) or schedules it for `at`, which must be in the
 * future. The permalink is fixed here, in the year of publication, and never changes afterwards.
 */
export async function approveArticle(
  portal: Portal,
  user: ArticleUser,
  id: number,
  at: string | null,
  now = new Date(),
  options: ApproveOptions = {},
): Promise<Article> {
  // A time given means scheduling, and a past one is refused by the workflow rather than published at once.
  const action: WorkflowAction = at ? 'schedule' : 'publish';
  return act(portal, user, id, action === 'schedule' ? 'article.schedule' : 'article.publish', async (trx, before) => {
    const result = transition(workflowActorOf(user), before, action, { now, publishAt: at ? new Date(at).toISOString() : undefined });
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

/** Replaces the published text, keeping the previous one and a dated note that the page shows. */
export async function correctArticle(portal: Portal, user: ArticleUser, id: number, note: string, draft: ArticleDraft, now = new Date()): Promise<Article> {
  if (!note.trim()) throw new WorkflowError('reason_required', 'a correction needs a note', 'note');
  return act(portal, user, id, 'article.correct', async (trx, before) => {
    const result = transition(workflowActorOf(user), before, 'correct', { now });
    if (draft.regionCode !== before.regionCode) throw new WorkflowError('invalid_transition', 'a correction cannot move an article to another region', 'regionCode');
    const stamp = now.toISOString();
    await insertCorrection(trx, {
      article_id: id, corrected_at: stamp, note: note.trim(), previous_title: before.title, previous_body_md: before.bodyMd,
      previous_category: before.category, previous_data_json: JSON.stringify(before.data), actor_id: user.account.id,
    });
    // Title, text and fields change; the permalink, publication date and region do not.
    const { region_code: _r, publish_at: _p, requested_slug: _s, ...text } = draftColumns(draft);
    await updateArticleRow(trx, id, { ...text, state: result.state, last_editor_id: result.lastEditorId, corrected_at: stamp, updated_at: stamp, indexed_at: null });
    await replaceRelatedDrugs(trx, id, draft.relatedDrugIds);
    return { note: note.trim() };
  }, now);
}

/** The URL keeps working and says the article was withdrawn and why; search drops it, feeds carry the notice. */
export async function withdrawArticle(portal: Portal, user: ArticleUser, id: number, reason: string, now = new Date()): Promise<Article> {
  return act(portal, user, id, 'article.withdraw', async (trx, before) => {
    const result = transition(workflowActorOf(user), before, 'withdraw', { now, reason });
    const stamp = now.toISOString();
    await updateArticleRow(trx, id, { state: result.state, withdrawn_at: stamp, withdrawn_reason: reason.trim(), updated_at: stamp });
    return { reason: reason.trim() };
  }, now);
}
