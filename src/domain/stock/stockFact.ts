import { type FactStanding, factStanding } from './availabilityRanking.ts';
import { type ReportAge, reportAge } from './freshness.ts';
import { type DisputeRule, isDisputed, type UnavailableReport } from './stockDispute.ts';
import type { StockStatus } from './stockStatus.ts';

/** Everything besides the report itself that decides what a stock fact is worth today. */
export interface StockFactContext {
  now: Date;
  /** On a shortage list in force: stale after 24 h instead of 72 h (freshness.ts). */
  onShortageList: boolean;
  /** Citizens' 买不到 reports for this facility × drug (any age: the rule keeps those after the stock report). */
  unavailableReports: readonly UnavailableReport[];
  disputeRule: DisputeRule;
}

export interface JudgedStockFact {
  age: ReportAge;
  isStale: boolean;
  /** 有群众反映缺货: only ever set on a 有货/紧张 fact, a 缺货 needs no dispute. */
  disputed: boolean;
  standing: FactStanding;
}

/**
 * The one judgement of a facility × drug fact, used by the drug page, the availability API and the facility
 * page alike, so that none of them can age or dispute a fact differently from the others.
 */
export function judgeStockFact(report: { status: StockStatus; reportedAt: string }, context: StockFactContext): JudgedStockFact {
  const age = reportAge(report.reportedAt, context.now, context.onShortageList);
  const disputed = report.status !== 'out' && isDisputed(context.unavailableReports, report.reportedAt, context.disputeRule);
  return { age, isStale: age.isStale, disputed, standing: factStanding({ status: report.status, isStale: age.isStale, disputed }) };
}
