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
  return { state: 'in_review', regionCode: '3602', authorId: author.id, lastEditorId: author.id, publishAt: null, ...overrides };
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
    const result = transition(reviewer, item(), 'publish', { now });
    expect(result).toEqual({ state: 'published', lastEditorId: author.id, publishAt: now.toISOString() });
  });

  test('refuses publication by the author even when the author holds the reviewer role', () => {
    const own = item({ authorId: bothRoles.id, lastEditorId: bothRoles.id });
    expect(refusal(() => transition(bothRoles, own, 'publish', { now }))).toBe('two_person_rule');
    expect(refusal(() => transition(bothRoles, own, 'schedule', { now, publishAt: '2026-03-06T00:00:00Z' }))).toBe('two_person_rule');
  });

  test('refuses publication by a reviewer who made the last edit to someone else’s draft', () => {
    const edited = transition(bothRoles, item(), 'edit', { now });
    expect(edited.lastEditorId).toBe(bothRoles.id);
    expect(refusal(() => transition(bothRoles, item({ lastEditorId: edited.lastEditorId }), 'publish', { now }))).toBe('two_person_rule');
    expect(transition(reviewer, item({ lastEditorId: edited.lastEditorId }), 'publish', { now }).state).toBe('published');
  });
});

describe('transition: roles, regions and states', () => {
  test('refuses a publisher publishing and a reviewer outside the item’s region', () => {
    expect(refusal(() => transition(author, item(), 'publish', { now }))).toBe('missing_role');
    expect(refusal(() => transition(countyReviewer, item(), 'publish', { now }))).toBe('out_of_region');
  });

  test('lets a county reviewer publish a county item written by a city publisher', () => {
    expect(transition(countyReviewer, item({ regionCode: '360203' }), 'publish', { now }).state).toBe('published');
  });

  test('refuses publishing a draft that was never submitted', () => {
    expect(refusal(() => transition(reviewer, item({ state: 'draft' }), 'publish', { now }))).toBe('invalid_transition');
  });

  test('moves draft → in_review → draft (returned) → in_review', () => {
    const submitted = transition(author, item({ state: 'draft' }), 'submit', { now });
    expect(submitted.state).toBe('in_review');
    const returned = transition(reviewer, item({ state: 'in_review' }), 'return', { now, reason: '来源不全' });
    expect(returned.state).toBe('draft');
  });

  test('schedules only in the future', () => {
    expect(refusal(() => transition(reviewer, item(), 'schedule', { now, publishAt: '2026-03-05T01:00:00Z' }))).toBe('schedule_in_past');
    expect(transition(reviewer, item(), 'schedule', { now, publishAt: '2026-03-06T00:00:00Z' })).toMatchObject({ state: 'scheduled', publishAt: '2026-03-06T00:00:00Z' });
  });

  test('keeps a corrected item published and records the corrector as last editor', () => {
    expect(transition(reviewer, item({ state: 'published' }), 'correct', { now })).toMatchObject({ state: 'published', lastEditorId: reviewer.id });
  });

  test('withdraws only with a reason and only what is published', () => {
    expect(refusal(() => transition(reviewer, item({ state: 'published' }), 'withdraw', { now, reason: ' ' }))).toBe('reason_required');
    expect(transition(reviewer, item({ state: 'published' }), 'withdraw', { now, reason: '已有新通报' }).state).toBe('withdrawn');
    expect(refusal(() => transition(reviewer, item({ state: 'draft' }), 'withdraw', { now, reason: 'x' }))).toBe('invalid_transition');
  });

  test('refuses editing once published: changes go through a correction', () => {
    expect(refusal(() => transition(author, item({ state: 'published' }), 'edit', { now }))).toBe('invalid_transition');
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
});
