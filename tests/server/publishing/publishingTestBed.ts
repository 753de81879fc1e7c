import { readFileSync } from 'node:fs';
import { parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import { WorkflowError } from '../../../src/domain/publishing/workflow.ts';
import type { Portal } from '../../../src/server/portal.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { saveRegions } from '../../../src/server/store/regionStore.ts';
import { openTestPortal } from '../../support/testPortal.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';

/** Where the real region tree and catalogue files are. */
export const dataDir = new URL('../../../data/', import.meta.url).pathname;

/** What every kind's workflow tests start from; each kind's bed adds its own fourth account. */
export interface PublishingTestBed {
  portal: Portal & { dir: string };
  /** 3602 publisher. */
  publisher: StaffUser;
  /** 3602 reviewer, a different person. */
  reviewer: StaffUser;
  /** 3602, both roles: may draft and may review others' drafts, never its own. */
  editor: StaffUser;
}

/** A full portal (real SQLite file, real Meilisearch under a fresh prefix) with the real region tree and three signed-in 3602 accounts. */
export async function openPublishingTestBed(): Promise<PublishingTestBed> {
  const portal = await openTestPortal({ demo: false });
  await saveRegions(portal.store, parseDivisionsCsv(readFileSync(`${dataDir}jingdezhen_divisions.csv`, 'utf8')));
  await seedAccount(portal.store, 'pub.city', '3602', ['publisher']);
  await seedAccount(portal.store, 'rev.city', '3602', ['reviewer']);
  await seedAccount(portal.store, 'editor.city', '3602', ['publisher', 'reviewer']);
  return {
    portal,
    publisher: await signedIn(portal.store, 'pub.city'),
    reviewer: await signedIn(portal.store, 'rev.city'),
    editor: await signedIn(portal.store, 'editor.city'),
  };
}

/** The workflow's refusal code for an action, or 'allowed' when it went through. */
export async function refusalCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkflowError) return error.code;
    throw error;
  }
  return 'allowed';
}
