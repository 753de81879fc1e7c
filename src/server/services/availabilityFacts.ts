import { hiddenAfterDays } from '../../domain/stock/freshness.ts';
import { type JudgedStockFact, judgeStockFact } from '../../domain/stock/stockFact.ts';
import type { StockStatus } from '../../domain/stock/stockStatus.ts';
import type { PortalConfig } from '../config.ts';
import type { Portal } from '../portal.ts';
import { drugIdsOnListsInForce } from '../store/shortageListStore.ts';
import { disputeKey, unavailableReportsAt } from '../store/stockDisputeStore.ts';

export type StockFactJudge = (report: { facilityId: string; drugId: string; status: StockStatus; reportedAt: string }) => JudgedStockFact;

/**
 * Reads what, besides the report, decides a fact (is the drug on a shortage list in force, what citizens
 * reported since) for these facilities × drugs, and returns the one judgement the drug page, the availability
 * API and the facility page all apply. Having each caller work out "on a list" itself is how the API once aged
 * shortage drugs at 72 h while the page said 24 h.
 */
export async function stockFactJudge(
  portal: Pick<Portal, 'store'> & { config: Pick<PortalConfig, 'DISPUTE_REPORTS' | 'DISPUTE_WINDOW_HOURS'> },
  where: { facilityIds: readonly string[]; drugIds: readonly string[] },
  now: Date,
): Promise<StockFactJudge> {
  // A fact older than 30 days is not shown, and only reports after the fact count, so older ones never matter.
  const since = new Date(now.getTime() - hiddenAfterDays * 86_400_000).toISOString();
  const [onList, reports] = await Promise.all([
    drugIdsOnListsInForce(portal.store, where.drugIds),
    unavailableReportsAt(portal.store, where, since),
  ]);
  const disputeRule = { unverifiedReports: portal.config.DISPUTE_REPORTS, windowHours: portal.config.DISPUTE_WINDOW_HOURS };
  return (report) =>
    judgeStockFact(report, {
      now,
      onShortageList: onList.has(report.drugId),
      unavailableReports: reports.get(disputeKey(report.facilityId, report.drugId)) ?? [],
      disputeRule,
    });
}
