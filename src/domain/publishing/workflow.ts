import { z } from 'zod';
import { canActOn } from '../staff/regionScope.ts';
import type { StaffRole } from '../staff/roles.ts';

/**
 * The editorial workflow shared by everything the authority publishes (澄清/辟谣, 季度通报, and any later kind).
 * A correction is not a state of its own: a corrected item stays `published` and carries correction notes.
 *
 * Two-person rule, everywhere: no public word changes on one person's say. Before publication the reviewer
 * must not be the author or last editor; after it, a correction or a withdrawal is only *proposed* (a pending
 * revision, which the public does not see) and someone other than its proposer approves it.
 */
export const articleState = z.enum(['draft', 'in_review', 'scheduled', 'published', 'withdrawn']);
export type ArticleState = z.infer<typeof articleState>;

export const workflowAction = z.enum([
  'create',
  'edit',
  'submit',
  'return',
  'publish',
  'schedule',
  'correct',
  'withdraw',
  'approve_revision',
  'reject_revision',
]);
export type WorkflowAction = z.infer<typeof workflowAction>;

/** Who is acting: only what the rules need, so that tests and other kinds of article can build one easily. */
export interface WorkflowActor {
  id: number;
  roles: readonly StaffRole[];
  regionCode: string;
}

/** What a proposed change to published content does once approved: replace the text, or withdraw the item. */
export const revisionKind = z.enum(['correction', 'withdrawal']);
export type RevisionKind = z.infer<typeof revisionKind>;

/** A proposed change to published content, waiting for a second person; only who proposed what matters here. */
export interface PendingRevision {
  kind: RevisionKind;
  authorId: number;
}

/** The workflow-relevant part of an article; the text itself does not matter here. */
export interface WorkflowItem {
  state: ArticleState;
  regionCode: string;
  authorId: number;
  lastEditorId: number;
  publishAt: string | null;
  /**
   * Goes up whenever the text a reviewer decides on changes (an edit, a proposed or discarded revision), so a
   * decision can name the version it was made on and be refused if that is no longer the current one.
   */
  revision: number;
  /** At most one at a time, so a reviewer never has to choose between competing corrections. */
  pendingRevision: PendingRevision | null;
}

export type WorkflowErrorCode =
  | 'missing_role'
  | 'out_of_region'
  | 'invalid_transition'
  | 'two_person_rule'
  | 'schedule_in_past'
  | 'reason_required'
  | 'stale_revision'
  | 'revision_pending'
  | 'no_pending_revision';

export class WorkflowError extends Error {
  readonly code: WorkflowErrorCode;
  readonly field: string | undefined;
  constructor(code: WorkflowErrorCode, message: string = code, field?: string) {
    super(message);
    this.name = 'WorkflowError';
    this.code = code;
    this.field = field;
  }
}

/** A scheduled item is public from its time on, with no job having to flip it. */
export function effectiveState(item: Pick<WorkflowItem, 'state' | 'publishAt'>, now: Date): ArticleState {
  if (item.state === 'scheduled' && item.publishAt !== null && Date.parse(item.publishAt) <= now.getTime()) return 'published';
  return item.state;
}

export function isPublic(item: Pick<WorkflowItem, 'state' | 'publishAt'>, now: Date): boolean {
  const state = effectiveState(item, now);
  return state === 'published' || state === 'withdrawn';
}

export type ItemAction = Exclude<WorkflowAction, 'create'>;

/** Which role each action needs and from which (effective) states it may start. */
const rules: Record<ItemAction, { role: StaffRole; from: readonly ArticleState[] }> = {
  edit: { role: 'publisher', from: ['draft', 'in_review'] },
  submit: { role: 'publisher', from: ['draft'] },
  // Sending back is how a reviewer says "not like this"; it also takes a scheduled item off the schedule.
  return: { role: 'reviewer', from: ['in_review', 'scheduled'] },
  publish: { role: 'reviewer', from: ['in_review'] },
  schedule: { role: 'reviewer', from: ['in_review'] },
  // Proposing to change or withdraw what the public already reads is a reviewer's call, never a drafter's;
  // it takes effect only when a second reviewer approves it (approve_revision).
  correct: { role: 'reviewer', from: ['published'] },
  // Only what the public has seen is withdrawn; a scheduled item that should not go out is sent back instead.
  withdraw: { role: 'reviewer', from: ['published'] },
  approve_revision: { role: 'reviewer', from: ['published'] },
  reject_revision: { role: 'reviewer', from: ['published'] },
};

/** Actions that decide on a text someone else wrote: they must name the revision the decider was shown. */
const decisions: readonly ItemAction[] = ['publish', 'schedule', 'return', 'approve_revision', 'reject_revision'];

function requireScope(actor: WorkflowActor, role: StaffRole, regionCode: string): void {
  if (!actor.roles.includes(role)) throw new WorkflowError('missing_role', `needs role ${role}`);
  if (!canActOn(actor.regionCode, regionCode)) throw new WorkflowError('out_of_region', `${actor.regionCode} cannot act on ${regionCode}`);
}

/** A new draft: the actor must be a publisher for the region the article is about. */
export function startDraft(actor: WorkflowActor, regionCode: string): Pick<WorkflowItem, 'state' | 'authorId' | 'lastEditorId'> {
  requireScope(actor, 'publisher', regionCode);
  return { state: 'draft', authorId: actor.id, lastEditorId: actor.id };
}

export interface TransitionOptions {
  now: Date;
  /** For `schedule`: when it goes live. */
  publishAt?: string;
  /** Required for `withdraw` and `reject_revision`, optional for `return`: shown to the public or to the author. */
  reason?: string;
  /** For decisions (publish, schedule, return, approve/reject a revision): the revision the page showed. */
  seenRevision?: number;
}

export interface TransitionResult {
  state: ArticleState;
  lastEditorId: number;
  publishAt: string | null;
  /** The revision number after the action. */
  revision: number;
  /** What becomes of the pending revision: `propose` a new one, `clear` it (applied or discarded), or keep it. */
  pendingRevision: 'propose' | 'clear' | 'keep';
}

function requirePending(item: WorkflowItem, action: ItemAction): PendingRevision {
  if (!item.pendingRevision) throw new WorkflowError('no_pending_revision', `nothing pending to ${action}`);
  return item.pendingRevision;
}

/** The state once an approved revision applies. */
function stateAfterRevision(pending: PendingRevision): ArticleState {
  return pending.kind === 'withdrawal' ? 'withdrawn' : 'published';
}

/**
 * The one place that decides whether an action is allowed. Two-person rule: whoever publishes or schedules
 * must be neither the author nor the last person to change the text, so every public word was read by a
 * second person after its last change; the same holds for a revision of published content and its approver.
 * A decision made on a revision that has changed since it was shown is refused (`stale_revision`): the
 * decider has to look at the new text first.
 */
export function transition(actor: WorkflowActor, item: WorkflowItem, action: ItemAction, options: TransitionOptions): TransitionResult {
  const rule = rules[action];
  requireScope(actor, rule.role, item.regionCode);
  const current = effectiveState(item, options.now);
  if (!rule.from.includes(current)) throw new WorkflowError('invalid_transition', `cannot ${action} an item that is ${current}`);
  if (decisions.includes(action) && options.seenRevision !== item.revision) {
    throw new WorkflowError('stale_revision', `revision ${options.seenRevision} was decided on, the item is at ${item.revision}`);
  }
  if ((action === 'publish' || action === 'schedule') && (actor.id === item.authorId || actor.id === item.lastEditorId)) {
    throw new WorkflowError('two_person_rule', 'the reviewer must be someone other than the author and the last editor');
  }
  if ((action === 'correct' || action === 'withdraw') && item.pendingRevision) {
    throw new WorkflowError('revision_pending', 'a revision is already waiting for approval');
  }
  if ((action === 'withdraw' || action === 'reject_revision') && !options.reason?.trim()) {
    throw new WorkflowError('reason_required', `${action} needs a reason`, 'reason');
  }
  const kept = { state: current, lastEditorId: item.lastEditorId, publishAt: item.publishAt, revision: item.revision };
  switch (action) {
    case 'edit':
      return { ...kept, lastEditorId: actor.id, revision: item.revision + 1, pendingRevision: 'keep' };
    case 'submit':
      return { ...kept, state: 'in_review', pendingRevision: 'keep' };
    case 'return':
      return { ...kept, state: 'draft', publishAt: current === 'scheduled' ? null : item.publishAt, pendingRevision: 'keep' };
    case 'publish':
      return { ...kept, state: 'published', publishAt: options.now.toISOString(), pendingRevision: 'keep' };
    case 'schedule':
      if (!options.publishAt || Date.parse(options.publishAt) <= options.now.getTime()) {
        throw new WorkflowError('schedule_in_past', 'the publication time must be in the future', 'publishAt');
      }
      return { ...kept, state: 'scheduled', publishAt: options.publishAt, pendingRevision: 'keep' };
    case 'correct':
    case 'withdraw':
      // The public keeps reading the published version; only the proposal is new.
      return { ...kept, revision: item.revision + 1, pendingRevision: 'propose' };
    case 'approve_revision': {
      const pending = requirePending(item, action);
      if (actor.id === pending.authorId) throw new WorkflowError('two_person_rule', 'a revision is approved by someone other than its author');
      const corrected = pending.kind === 'correction';
      return {
        ...kept,
        state: stateAfterRevision(pending),
        lastEditorId: corrected ? pending.authorId : item.lastEditorId,
        revision: item.revision + 1,
        pendingRevision: 'clear',
      };
    }
    case 'reject_revision':
      requirePending(item, action);
      return { ...kept, revision: item.revision + 1, pendingRevision: 'clear' };
  }
}

/** The actions an actor may take now, for showing only the buttons that will work. */
export function availableActions(actor: WorkflowActor, item: WorkflowItem, now: Date): ItemAction[] {
  const probe = { now, publishAt: new Date(now.getTime() + 3_600_000).toISOString(), reason: 'probe', seenRevision: item.revision };
  return (Object.keys(rules) as ItemAction[]).filter((action) => {
    try {
      transition(actor, item, action, probe);
      return true;
    } catch {
      return false;
    }
  });
}
