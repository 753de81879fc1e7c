import type { EnforcementContent } from '../../../src/domain/enforcement/enforcementResult.ts';
import { createEnforcementResult } from '../../../src/server/enforcement/enforcementActions.ts';
import { approveArticle, submitArticle } from '../../../src/server/publishing/articleActions.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { type ClarificationTestBed, openClarificationTestBed } from '../clarifications/clarificationFixtures.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';

export interface EnforcementTestBed extends ClarificationTestBed {
  /** 360202 (昌江区) publisher and reviewer: 珠山区's neighbour. */
  neighbourPublisher: StaffUser;
}

/** The clarifications' bed (real regions, 布洛芬 W078 and two more drugs, city and county staff) plus a neighbour county. */
export async function openEnforcementTestBed(): Promise<EnforcementTestBed> {
  const bed = await openClarificationTestBed();
  await seedAccount(bed.portal.store, 'pub.changjiang', '360202', ['publisher', 'reviewer']);
  return { ...bed, neighbourPublisher: await signedIn(bed.portal.store, 'pub.changjiang') };
}

export function enforcementInput(overrides: Partial<EnforcementContent> = {}): EnforcementContent {
  return {
    title: '关于珠山区某药店布洛芬价格上涨的处理结果',
    finding: '价格上涨幅度异常',
    action: 'inquiry',
    actionDate: '2026-11-20',
    party: '某某大药房',
    bodyMd: '经核查，该店布洛芬售价一周内上涨 60%，进价未变。已**函询约谈**负责人，价格已恢复。',
    issuer: '珠山区卫生健康委员会',
    regionCode: '360203',
    relatedDrugIds: ['W078'],
    publishAt: null,
    slug: null,
    ...overrides,
  };
}

/** Drafted by the city publisher, approved by the city reviewer: the two-person path. */
/** Published on a fixed day of 2026, so permalinks read /enforcement/2026/… whenever the tests run. */
export async function publishedResult(bed: EnforcementTestBed, content: EnforcementContent, now = new Date('2026-11-21T02:00:00Z')) {
  const draft = await createEnforcementResult(bed.portal, bed.publisher, content, now);
  const submitted = await submitArticle(bed.portal, bed.publisher, draft.id, now);
  return approveArticle(bed.portal, bed.reviewer, draft.id, submitted.revision, null, now);
}
