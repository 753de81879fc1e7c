import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { solveAltcha } from '../../../scripts/support/altchaSolver.ts';
import { parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import { newReportChallenge } from '../../../src/server/reports/reportChallenge.ts';
import type { ReportSubmission } from '../../../src/server/reports/reportIntake.ts';
import { reportKeys } from '../../../src/server/reports/reportKeys.ts';
import { saveRegions } from '../../../src/server/store/regionStore.ts';
import { openTestPortal } from '../../support/testPortal.ts';

export const reportNow = new Date('2026-11-29T02:00:00Z');

/** A portal with the regions loaded: enough for reports placed by county, without the demo register. */
export async function openReportsPortal() {
  const portal = await openTestPortal({ demo: false });
  await saveRegions(portal.store, parseDivisionsCsv(readFileSync('data/jingdezhen_divisions.csv', 'utf8')));
  return portal;
}

/** Issued against the real clock (the expiry check uses it), whatever `reportNow` says. */
export async function solvedChallenge(dataDir: string): Promise<string> {
  return solveAltcha(newReportChallenge(reportKeys(dataDir).challengeKey, 1000));
}

export function submission(fields: Record<string, unknown>, overrides: Partial<ReportSubmission> = {}): ReportSubmission {
  return {
    fields: { drugName: '阿莫西林胶囊', problem: 'unavailable', regionCode: '360203', seenAt: '2026-11-29T01:00:00Z', ...fields },
    idempotencyKey: randomUUID(),
    channel: 'api',
    clientAddress: '192.0.2.10',
    deviceId: randomUUID(),
    now: reportNow,
    ...overrides,
  };
}
