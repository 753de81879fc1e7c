import type { ClarificationContent } from '../../../src/domain/clarifications/clarification.ts';
import { loadCatalogueFromDataDir } from '../../../src/server/catalogueFiles.ts';
import { approveClarification, createClarification, submitClarification } from '../../../src/server/clarifications/clarificationActions.ts';
import type { Portal } from '../../../src/server/portal.ts';
import { indexDrugs, configureDrugIndex } from '../../../src/server/search/drugIndex.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { loadDrugs, saveCatalogue } from '../../../src/server/store/drugStore.ts';
import { dataDir, openPublishingTestBed, type PublishingTestBed } from '../publishing/publishingTestBed.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';

/** A few real varieties: 布洛芬 (W078) is the one clarifications are about; the others are bystanders. */
const drugIds = ['W078', 'W006', 'W079'];

export interface ClarificationTestBed extends PublishingTestBed {
  /** 360203 (珠山区) reviewer: cannot act on city-wide items. */
  countyReviewer: StaffUser;
}

/**
 * A full portal (real SQLite file, real Meilisearch under a fresh prefix) with the real region tree, a few real
 * catalogue entries and four signed-in staff accounts created by the real account code.
 */
export async function openClarificationTestBed(): Promise<ClarificationTestBed> {
  const bed = await openPublishingTestBed();
  const { portal } = bed;
  await saveCatalogue(portal.store, loadCatalogueFromDataDir(dataDir).filter((v) => drugIds.includes(v.id)));
  await configureDrugIndex(portal.search);
  await indexDrugs(portal.search, await loadDrugs(portal.store));
  await seedAccount(portal.store, 'rev.zhushan', '360203', ['reviewer']);
  return { ...bed, countyReviewer: await signedIn(portal.store, 'rev.zhushan') };
}

export function clarificationInput(overrides: Partial<ClarificationContent> = {}): ClarificationContent {
  return {
    title: '关于“布洛芬全国断货”的澄清',
    claim: '布洛芬全国断货，药店都买不到了',
    verdict: 'false',
    explanation: '经核实，全市定点零售药店和基层医疗卫生机构**布洛芬库存充足**。\n\n请按需购药，不必囤积。',
    sources: [{ title: '景德镇市药品供应监测周报', url: 'https://example.gov.cn/weekly/10' }],
    issuer: '景德镇市卫生健康委员会',
    regionCode: '3602',
    relatedDrugIds: ['W078'],
    publishAt: null,
    slug: null,
    ...overrides,
  };
}

export async function auditRows(portal: Portal) {
  const rows = await portal.store.selectFrom('audit_log').selectAll().where('action', 'like', 'article.%').orderBy('id').execute();
  return rows.map((r) => ({
    action: r.action,
    actor: r.actor_username,
    region: r.region_code,
    targetType: r.target_type,
    targetId: r.target_id,
    before: JSON.parse(r.before_json ?? 'null') as Record<string, unknown> | null,
    after: JSON.parse(r.after_json ?? 'null') as Record<string, unknown> | null,
    detail: JSON.parse(r.detail_json ?? 'null') as Record<string, unknown> | null,
  }));
}

/** A clarification written, submitted and approved by the bed's staff, as the real workflow does it; its id. */
export async function publishedClarification(bed: ClarificationTestBed, content: ClarificationContent): Promise<number> {
  const draft = await createClarification(bed.portal, bed.publisher, content);
  const submitted = await submitClarification(bed.portal, bed.publisher, draft.id);
  return (await approveClarification(bed.portal, bed.reviewer, draft.id, submitted.revision, null)).id;
}
