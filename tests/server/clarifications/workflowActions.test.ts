import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  approveClarification,
  ClarificationInputError,
  createClarification,
  editClarification,
  returnClarification,
  submitClarification,
} from '../../../src/server/clarifications/clarificationActions.ts';
import { refusalCode } from '../publishing/publishingTestBed.ts';
import { auditRows, type ClarificationTestBed, clarificationInput, openClarificationTestBed } from './clarificationFixtures.ts';

// One portal per file (signing in four accounts with production-strength hashing is slow); every test works
// on its own articles and reads only their audit entries.
let bed: ClarificationTestBed;
beforeAll(async () => {
  bed = await openClarificationTestBed();
});
afterAll(async () => bed.portal.close());

describe('two-person rule on the store', () => {
  test('a reviewer publishes what a publisher drafted, and the permalink is fixed in the year of publication', async () => {
    const { portal, publisher, reviewer } = bed;
    const draft = await createClarification(portal, publisher, clarificationInput({ slug: 'ibuprofen-supply' }));
    await submitClarification(portal, publisher, draft.id);
    const published = await approveClarification(portal, reviewer, draft.id, draft.revision, null, new Date('2026-03-05T02:00:00Z'));
    expect(published).toMatchObject({ state: 'published', permalink: { year: 2026, slug: 'ibuprofen-supply' }, reviewerId: reviewer.account.id });
  });

  test('refuses the author publishing its own draft even with the reviewer role, and writes no audit entry', async () => {
    const { portal, editor } = bed;
    const draft = await createClarification(portal, editor, clarificationInput());
    await submitClarification(portal, editor, draft.id);
    const before = await auditRows(portal);
    expect(await refusalCode(approveClarification(portal, editor, draft.id, draft.revision, null))).toBe('two_person_rule');
    expect(await auditRows(portal)).toEqual(before);
  });

  test('refuses a reviewer who edited the draft last, but lets a third person publish it', async () => {
    const { portal, publisher, editor, reviewer } = bed;
    const draft = await createClarification(portal, publisher, clarificationInput());
    await submitClarification(portal, publisher, draft.id);
    const edited = await editClarification(portal, editor, draft.id, clarificationInput({ claim: '布洛芬全国断货，各地药店都买不到了' }));
    expect(await refusalCode(approveClarification(portal, editor, draft.id, edited.revision, null))).toBe('two_person_rule');
    expect((await approveClarification(portal, reviewer, draft.id, edited.revision, null)).state).toBe('published');
  });

  test('refuses a county reviewer publishing a city-wide clarification', async () => {
    const { portal, publisher, countyReviewer } = bed;
    const draft = await createClarification(portal, publisher, clarificationInput());
    await submitClarification(portal, publisher, draft.id);
    expect(await refusalCode(approveClarification(portal, countyReviewer, draft.id, draft.revision, null))).toBe('out_of_region');
  });
});

describe('input checks that need the store', () => {
  test('refuses unknown drug ids and regions, naming the fields', async () => {
    const promise = createClarification(bed.portal, bed.publisher, clarificationInput({ relatedDrugIds: ['W999'], regionCode: '360299' }));
    await expect(promise).rejects.toBeInstanceOf(ClarificationInputError);
    const error = (await promise.catch((e: ClarificationInputError) => e)) as ClarificationInputError;
    expect(error.errors.map((e) => e.field)).toEqual(['regionCode', 'relatedDrugs']);
  });
});

describe('audit entries', () => {
  test('records create, edit, submit, return, submit and publish with actor, region and the change', async () => {
    const { portal, publisher, reviewer } = bed;
    const draft = await createClarification(portal, publisher, clarificationInput());
    const edited = await editClarification(portal, publisher, draft.id, clarificationInput({ verdict: 'partly_false' }));
    await submitClarification(portal, publisher, draft.id);
    await returnClarification(portal, reviewer, draft.id, edited.revision, '请补充省级来源');
    await submitClarification(portal, publisher, draft.id);
    await approveClarification(portal, reviewer, draft.id, edited.revision, null);
    const rows = (await auditRows(portal)).filter((r) => r.targetId === String(draft.id));
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ['article.create', 'pub.city'],
      ['article.edit', 'pub.city'],
      ['article.submit', 'pub.city'],
      ['article.return', 'rev.city'],
      ['article.submit', 'pub.city'],
      ['article.publish', 'rev.city'],
    ]);
    for (const row of rows) expect(row).toMatchObject({ region: '3602', targetType: 'clarification', targetId: String(draft.id) });
    expect(rows[1]?.before).toMatchObject({ category: 'false' });
    expect(rows[1]?.after).toMatchObject({ category: 'partly_false' });
    expect(rows[3]?.detail).toEqual({ note: '请补充省级来源' });
    expect(rows[5]?.after).toMatchObject({ state: 'published', permalink: expect.stringMatching(/^\d{4}\//) });
  });
});
