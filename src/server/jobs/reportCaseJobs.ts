import type { PortalConfig } from '../config.ts';
import { escalateOverdueCases } from '../reports/caseEscalation.ts';
import type { Store } from '../store/openStore.ts';
import { eraseContactsOfCasesClosedBefore } from '../store/reportStore.ts';
import type { ScheduledJob } from './jobRunner.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Escalates cases whose deadline passed (county → city → province), written to each case's timeline. */
export function caseEscalationJob(store: Store, everyMs = 60_000): ScheduledJob {
  return { name: 'report-case-escalation', everyMs, run: async (now) => void (await escalateOverdueCases(store, now)) };
}

/** Erases contact details REPORT_CONTACT_RETENTION_DAYS after a case closed. */
export function contactErasureJob(store: Store, cfg: Pick<PortalConfig, 'REPORT_CONTACT_RETENTION_DAYS'>, everyMs = 60 * 60_000): ScheduledJob {
  return {
    name: 'report-contact-erasure',
    everyMs,
    run: async (now) => {
      const closedBefore = new Date(now.getTime() - cfg.REPORT_CONTACT_RETENTION_DAYS * dayMs);
      await eraseContactsOfCasesClosedBefore(store, closedBefore, now);
    },
  };
}
