import { type ReportSignal, reportSignals, signalWindowDays } from '../../domain/reports/reportSignals.ts';
import { regionPrefixRange } from '../../domain/staff/regionScope.ts';
import type { PortalConfig } from '../config.ts';
import type { Portal } from '../portal.ts';
import { listEntries, listsInForceFor } from '../shortages/listQueries.ts';
import { regionLabel, staffRegionTree } from '../staff/regionChoices.ts';
import type { StaffUser } from '../staff/staffAuth.ts';
import { reportGroupsSince, stockConflictsSince } from '../store/signalStore.ts';

export interface SignalView extends ReportSignal {
  countyName: string;
  /** The reports behind it (the intake queue, filtered) and the stock facts (the drug's public page). */
  reportsHref: string;
  stockHref: string | null;
}

export interface StockConflictView {
  facilityName: string;
  drugName: string;
  countyName: string;
  reports: number;
  stockReportedAt: string;
  reportsHref: string;
  stockHref: string;
}

/** The dashboard's signals for an intake officer's region over the last week. */
export async function intakeSignals(portal: Pick<Portal, 'store'> & { config: Pick<PortalConfig, 'REPORT_SIGNAL_THRESHOLD'> }, user: StaffUser, now = new Date()) {
  const region = regionPrefixRange(user.account.regionCode);
  const since = new Date(now.getTime() - signalWindowDays * 86_400_000).toISOString();
  const [groups, conflicts, lists, tree] = await Promise.all([
    reportGroupsSince(portal.store, region, since),
    stockConflictsSince(portal.store, region, since),
    listsInForceFor(portal.store, user.account.regionCode),
    staffRegionTree(portal.store),
  ]);
  const shortageDrugs = new Set((await listEntries(portal.store, lists.map((l) => l.id))).flatMap((e) => (e.drugId ? [e.drugId] : [])));
  const queue = (drugName: string, countyCode: string) => `/staff/reports?status=all&drug=${encodeURIComponent(drugName)}&region=${countyCode}`;
  const signals: SignalView[] = reportSignals(groups, portal.config.REPORT_SIGNAL_THRESHOLD, shortageDrugs).map((s) => ({
    ...s,
    countyName: regionLabel(tree, s.countyCode),
    reportsHref: queue(s.drugName, s.countyCode),
    stockHref: s.drugId ? `/drugs/${encodeURIComponent(s.drugId)}` : null,
  }));
  const stockConflicts: StockConflictView[] = conflicts.map((c) => ({
    facilityName: c.facilityName,
    drugName: c.drugName,
    countyName: regionLabel(tree, c.countyCode),
    reports: c.reports,
    stockReportedAt: c.stockReportedAt,
    reportsHref: queue(c.drugName, c.countyCode),
    stockHref: `/facilities/${encodeURIComponent(c.facilityId)}`,
  }));
  return { signals, stockConflicts };
}
