import { describe, expect, test } from 'vitest';
import {
  availableActions,
  effectiveState,
  startDraft,
  transition,
  type WorkflowActor,
  WorkflowError,
  type WorkflowItem,
} from '../../../src/domain/publishing/workflow.ts';

const now = new Date('2026-03-05T02:00:00Z');
const author: WorkflowActor = { id: 1, roles: ['publisher'], regionCode: '3602' };
const reviewer: WorkflowActor = { id: 2, roles: ['reviewer'], regionCode: '3602' };
const bothRoles: WorkflowActor = { id: 3, roles: ['publisher', 'reviewer'], regionCode: '3602' };
const countyReviewer: WorkflowActor = { id: 4, roles: ['reviewer'], regionCode: '360203' };

function item(overrides: Partial<WorkflowItem> = {}): WorkflowItem {
  return { state: 'in_review', regionCode: '3602', authorId: author.id, lastEditorId: author.id, publishAt: null, revision: 1, pendingRevision: null, ...overrides };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkflowError) return error.code;
    throw error;
  }
  return 'allowed';
}

describe('startDraft', () => {
  test('makes the publisher author and last editor of a new draft', () => {
    expect(startDraft(author, '360203')).toEqual({ state: 'draft', authorId: 1, lastEditorId: 1 });
  });

  test('refuses a reviewer without the publisher role and a publisher outside its region', () => {
    expect(refusal(() => startDraft(reviewer, '3602'))).toBe('missing_role');
    expect(refusal(() => startDraft({ ...author, regionCode: '360203' }, '360202'))).toBe('out_of_region');
  });
});

describe('transition: two-person rule', () => {
  test('lets a different reviewer publish what a publisher wrote', () => {
    const result = transition(reviewer, item(), 'publish', { now, seenRevision: 1 });
    expect(result).toEqual({ state: 'published', lastEditorId: author.id, publishAt: now.toISOString(), revision: 1, pendingRevision: 'keep' });
  });

  test('refuses publication by the author even when the author holds the reviewer role', () => {
    const own = item({ authorId: bothRoles.id, lastEditorId: bothRoles.id });
    expect(refusal(() => transition(bothRoles, own, 'publish', { now, seenRevision: 1 }))).toBe('two_person_rule');
    expect(refusal(() => transition(bothRoles, own, 'schedule', { now, publishAt: '2026-03-06T00:00:00Z', seenRevision: 1 }))).toBe('two_person_rule');
  });

  test('refuses publication by a reviewer who made the last edit to someone else’s draft', () => {
    const edited = transition(bothRoles, item(), 'edit', { now });
    expect(edited.lastEditorId).toBe(bothRoles.id);
    expect(refusal(() => transition(bothRoles, item({ lastEditorId: edited.lastEditorId }), 'publish', { now, seenRevision: 1 }))).toBe('two_person_rule');
    expect(transition(reviewer, item({ lastEditorId: edited.lastEditorId }), 'publish', { now, seenRevision: 1 }).state).toBe('published');
  });
});

describe('transition: roles, regions and states', () => {
  test('refuses a publisher publishing and a reviewer outside the item’s region', () => {
    expect(refusal(() => transition(author, item(), 'publish', { now, seenRevision: 1 }))).toBe('missing_role');
    expect(refusal(() => transition(countyReviewer, item(), 'publish', { now, seenRevision: 1 }))).toBe('out_of_region');
  });

  test('lets a county reviewer publish a county item written by a city publisher', () => {
    expect(transition(countyReviewer, item({ regionCode: '360203' }), 'publish', { now, seenRevision: 1 }).state).toBe('published');
  });

  test('refuses publishing a draft that was never submitted', () => {
    expect(refusal(() => transition(reviewer, item({ state: 'draft' }), 'publish', { now, seenRevision: 1 }))).toBe('invalid_transition');
  });

  test('moves draft → in_review → draft (returned) → in_review', () => {
    const submitted = transition(author, item({ state: 'draft' }), 'submit', { now });
    expect(submitted.state).toBe('in_review');
    const returned = transition(reviewer, item({ state: 'in_review' }), 'return', { now, reason: '来源不全', seenRevision: 1 });
    expect(returned.state).toBe('draft');
  });

  test('schedules only in the future', () => {
    expect(refusal(() => transition(reviewer, item(), 'schedule', { now, publishAt: '2026-03-05T01:00:00Z', seenRevision: 1 }))).toBe('schedule_in_past');
    expect(transition(reviewer, item(), 'schedule', { now, publishAt: '2026-03-06T00:00:00Z', seenRevision: 1 })).toMatchObject({ state: 'scheduled', publishAt: '2026-03-06T00:00:00Z' });
  });

  test('asks for a withdrawal only with a reason and only of what is published', () => {
    expect(refusal(() => transition(reviewer, item({ state: 'published' }), 'withdraw', { now, reason: ' ' }))).toBe('reason_required');
    expect(transition(reviewer, item({ state: 'published' }), 'withdraw', { now, reason: '已有新通报' })).toMatchObject({ state: 'published', pendingRevision: 'propose' });
    expect(refusal(() => transition(reviewer, item({ state: 'draft' }), 'withdraw', { now, reason: 'x' }))).toBe('invalid_transition');
  });

  test('refuses editing once published: changes go through a correction', () => {
    expect(refusal(() => transition(author, item({ state: 'published' }), 'edit', { now }))).toBe('invalid_transition');
  });
});

describe('transition: revisions of published content need a second person', () => {
  const published = (overrides: Partial<WorkflowItem> = {}) => item({ state: 'published', revision: 3, ...overrides });
  const pendingCorrection = published({ revision: 4, pendingRevision: { kind: 'correction', authorId: reviewer.id } });

  test('leaves a correction by a reviewer alone pending: the item stays published with its text and last editor', () => {
    expect(transition(reviewer, published(), 'correct', { now })).toEqual({
      state: 'published',
      lastEditorId: author.id,
      publishAt: null,
      revision: 4,
      pendingRevision: 'propose',
    });
  });

  test('refuses the author of a revision approving it, even holding both roles', () => {
    expect(refusal(() => transition(reviewer, pendingCorrection, 'approve_revision', { now, seenRevision: 4 }))).toBe('two_person_rule');
    const ownByEditor = published({ revision: 4, pendingRevision: { kind: 'correction', authorId: bothRoles.id } });
    expect(refusal(() => transition(bothRoles, ownByEditor, 'approve_revision', { now, seenRevision: 4 }))).toBe('two_person_rule');
  });

  test('lets another reviewer approve a correction, which makes its author the last editor', () => {
    expect(transition(bothRoles, pendingCorrection, 'approve_revision', { now, seenRevision: 4 })).toEqual({
      state: 'published',
      lastEditorId: reviewer.id,
      publishAt: null,
      revision: 5,
      pendingRevision: 'clear',
    });
  });

  test('withdraws only when a second reviewer approves the request', () => {
    const pendingWithdrawal = published({ revision: 4, pendingRevision: { kind: 'withdrawal', authorId: reviewer.id } });
    expect(refusal(() => transition(reviewer, pendingWithdrawal, 'approve_revision', { now, seenRevision: 4 }))).toBe('two_person_rule');
    expect(transition(bothRoles, pendingWithdrawal, 'approve_revision', { now, seenRevision: 4 }).state).toBe('withdrawn');
  });

  test('refuses a second proposal while one is pending, and approving or rejecting when none is', () => {
    expect(refusal(() => transition(bothRoles, pendingCorrection, 'correct', { now }))).toBe('revision_pending');
    expect(refusal(() => transition(bothRoles, pendingCorrection, 'withdraw', { now, reason: '数据有误' }))).toBe('revision_pending');
    expect(refusal(() => transition(bothRoles, published(), 'approve_revision', { now, seenRevision: 3 }))).toBe('no_pending_revision');
    expect(refusal(() => transition(bothRoles, published(), 'reject_revision', { now, seenRevision: 3, reason: '不同意' }))).toBe('no_pending_revision');
  });

  test('lets any reviewer of the region reject a revision with a reason, its author included', () => {
    expect(refusal(() => transition(bothRoles, pendingCorrection, 'reject_revision', { now, seenRevision: 4, reason: ' ' }))).toBe('reason_required');
    expect(transition(reviewer, pendingCorrection, 'reject_revision', { now, seenRevision: 4, reason: '改错了' })).toMatchObject({
      state: 'published',
      revision: 5,
      pendingRevision: 'clear',
    });
  });
});

describe('transition: decisions name the revision they were made on', () => {
  test('refuses publishing, scheduling or returning a text that changed after the reviewer was shown it', () => {
    const edited = item({ revision: 2 });
    expect(refusal(() => transition(reviewer, edited, 'publish', { now, seenRevision: 1 }))).toBe('stale_revision');
    expect(refusal(() => transition(reviewer, edited, 'schedule', { now, seenRevision: 1, publishAt: '2026-03-06T00:00:00Z' }))).toBe('stale_revision');
    expect(refusal(() => transition(reviewer, edited, 'return', { now, seenRevision: 1 }))).toBe('stale_revision');
    expect(transition(reviewer, edited, 'publish', { now, seenRevision: 2 }).state).toBe('published');
  });

  test('refuses a decision that names no revision at all', () => {
    expect(refusal(() => transition(reviewer, item(), 'publish', { now }))).toBe('stale_revision');
  });

  test('refuses approving or rejecting a revision replaced since it was shown', () => {
    const replaced = item({ state: 'published', revision: 6, pendingRevision: { kind: 'correction', authorId: bothRoles.id } });
    expect(refusal(() => transition(reviewer, replaced, 'approve_revision', { now, seenRevision: 4 }))).toBe('stale_revision');
    expect(refusal(() => transition(reviewer, replaced, 'reject_revision', { now, seenRevision: 4, reason: '不同意' }))).toBe('stale_revision');
  });

  test('counts an edit as a new revision', () => {
    expect(transition(author, item({ state: 'draft', revision: 7 }), 'edit', { now }).revision).toBe(8);
  });
});

describe('effectiveState', () => {
  test('treats a scheduled item as published from its time on', () => {
    const scheduled = item({ state: 'scheduled', publishAt: '2026-03-05T02:00:00Z' });
    expect(effectiveState(scheduled, new Date('2026-03-05T01:59:59Z'))).toBe('scheduled');
    expect(effectiveState(scheduled, now)).toBe('published');
  });

  test('lets a due scheduled item be corrected or withdrawn like a published one', () => {
    const due = item({ state: 'scheduled', publishAt: '2026-03-05T01:00:00Z' });
    expect(availableActions(reviewer, due, now)).toEqual(['correct', 'withdraw']);
  });
});

describe('availableActions', () => {
  test('offers the author edit and submit on a draft, and the reviewer nothing yet', () => {
    const draft = item({ state: 'draft' });
    expect(availableActions(author, draft, now)).toEqual(['edit', 'submit']);
    expect(availableActions(reviewer, draft, now)).toEqual([]);
  });

  test('offers a second reviewer return, publish and schedule on an item in review', () => {
    expect(availableActions(reviewer, item(), now)).toEqual(['return', 'publish', 'schedule']);
  });

  test('offers the proposer of a pending correction only rejecting it, and another reviewer approving too', () => {
    const pending = item({ state: 'published', pendingRevision: { kind: 'correction', authorId: reviewer.id } });
    expect(availableActions(reviewer, pending, now)).toEqual(['reject_revision']);
    expect(availableActions(bothRoles, pending, now)).toEqual(['approve_revision', 'reject_revision']);
  });
});
