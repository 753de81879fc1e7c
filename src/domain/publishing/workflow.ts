import { z } from 'zod';
import { canActOn } from '../staff/regionScope.ts';
import type { StaffRole } from '../staff/roles.ts';

/**
 * The editorial workflow shared by everything the authority publishes (澄清/辟谣 now, 季度通报 next).
 * A correction is not a state of its own: a corrected item stays `published` and carries correction notes.
 */
export const articleState = z.enum(['draft', 'in_review', 'scheduled', 'published', 'withdrawn']);
export type ArticleState = z.infer<typeof articleState>;

export const workflowAction = z.enum(['create', 'edit', 'submit', 'return', 'publish', 'schedule', 'correct', 'withdraw']);
export type WorkflowAction = z.infer<typeof workflowAction>;

/** Who is acting: only what the rules need, so that tests and other kinds of article can build one easily. */
export interface WorkflowActor {
  id: number;
  roles: readonly StaffRole[];
  regionCode: string;
}

/** The workflow-relevant part of an article; the text itself does not matter here. */
export interface WorkflowItem {
  state: ArticleState;
  regionCode: string;
  authorId: number;
  lastEditorId: number;
  publishAt: string | null;
}

export type WorkflowErrorCode =
  | 'missing_role'
  | 'out_of_region'
  | 'invalid_transition'
  | 'two_person_rule'
  | 'schedule_in_past'
  | 'reason_required';

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

/** Which role each action needs and from which (effective) states it may start. */
const rules: Record<Exclude<WorkflowAction, 'create'>, { role: StaffRole; from: readonly ArticleState[] }> = {
  edit: { role: 'publisher', from: ['draft', 'in_review'] },
  submit: { role: 'publisher', from: ['draft'] },
  // Sending back is how a reviewer says "not like this"; it also takes a scheduled item off the schedule.
  return: { role: 'reviewer', from: ['in_review', 'scheduled'] },
  publish: { role: 'reviewer', from: ['in_review'] },
  schedule: { role: 'reviewer', from: ['in_review'] },
  // Changing or withdrawing what the public already reads is a reviewer's call, never a drafter's alone.
  correct: { role: 'reviewer', from: ['published'] },
  // Only what the public has seen is withdrawn; a scheduled item that should not go out is sent back instead.
  withdraw: { role: 'reviewer', from: ['published'] },
};

const nextState: Record<Exclude<WorkflowAction, 'create'>, ArticleState | 'same'> = {
  edit: 'same',
  submit: 'in_review',
  return: 'draft',
  publish: 'published',
  schedule: 'scheduled',
  correct: 'published',
  withdraw: 'withdrawn',
};

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
  /** For `withdraw` (required) and `return` (optional): shown to the public or to the author. */
  reason?: string;
}

export interface TransitionResult {
  state: ArticleState;
  lastEditorId: number;
  publishAt: string | null;
}

/**
 * The one place that decides whether an action is allowed. Two-person rule: whoever publishes or schedules
 * must be neither the author nor the last person to change the text, so every public word was read by a
 * second person after its last change.
 */
export function transition(actor: WorkflowActor, item: WorkflowItem, action: Exclude<WorkflowAction, 'create'>, options: TransitionOptions): TransitionResult {
  const rule = rules[action];
  requireScope(actor, rule.role, item.regionCode);
  const current = effectiveState(item, options.now);
  if (!rule.from.includes(current)) throw new WorkflowError('invalid_transition', `cannot ${action} an item that is ${current}`);
  if ((action === 'publish' || action === 'schedule') && (actor.id === item.authorId || actor.id === item.lastEditorId)) {
    throw new WorkflowError('two_person_rule', 'the reviewer must be someone other than the author and the last editor');
  }
  if (action === 'withdraw' && !options.reason?.trim()) throw new WorkflowError('reason_required', 'a withdrawal needs a reason', 'reason');
  let publishAt = item.publishAt;
  if (action === 'schedule') {
    if (!options.publishAt || Date.parse(options.publishAt) <= options.now.getTime()) {
      throw new WorkflowError('schedule_in_past', 'the publication time must be in the future', 'publishAt');
    }
    publishAt = options.publishAt;
  }
  if (action === 'publish') publishAt = options.now.toISOString();
  if (action === 'return') publishAt = current === 'scheduled' ? null : item.publishAt;
  const target = nextState[action];
  const touchesText = action === 'edit' || action === 'correct';
  return {
    state: target === 'same' ? current : target,
    lastEditorId: touchesText ? actor.id : item.lastEditorId,
    publishAt,
  };
}

/** The actions an actor may take now, for showing only the buttons that will work. */
export function availableActions(actor: WorkflowActor, item: WorkflowItem, now: Date): Exclude<WorkflowAction, 'create'>[] {
  const probe = { now, publishAt: new Date(now.getTime() + 3_600_000).toISOString(), reason: 'probe' };
  return (Object.keys(rules) as Exclude<WorkflowAction, 'create'>[]).filter((action) => {
    try {
      transition(actor, item, action, probe);
      return true;
    } catch {
      return false;
    }
  });
}
