/** Reports of one drug in one county over the signal window (repeat submissions not counted). */
export interface ReportGroup {
  drugId: string | null;
  drugName: string;
  countyCode: string;
  reports: number;
}

export interface ReportSignal extends ReportGroup {
  /** Why it is a signal: enough reports, or the drug is on a shortage list (where any report matters). */
  reason: 'threshold' | 'shortage_list';
}

/** The signal window: reports of the last 7 days. */
export const signalWindowDays = 7;

/** Groups at or over the threshold, and every group of a listed shortage drug; most reports first. */
export function reportSignals(groups: readonly ReportGroup[], threshold: number, shortageDrugIds: ReadonlySet<string>): ReportSignal[] {
  const signals: ReportSignal[] = [];
  for (const g of groups) {
    if (g.reports >= threshold) signals.push({ ...g, reason: 'threshold' });
    else if (g.drugId && shortageDrugIds.has(g.drugId)) signals.push({ ...g, reason: 'shortage_list' });
  }
  return signals.sort((a, b) => b.reports - a.reports || a.drugName.localeCompare(b.drugName, 'zh-CN'));
}
