/*
 * When citizens' "买不到" reports outweigh a facility's own 有货/紧张: the fact is marked 有群众反映缺货 until the
 * facility reports again. Pure: the store supplies the reports, the service applies the verdict to the fact.
 */

/** How many unverified reports, within how many hours of each other, dispute a fact (src/server/config.ts). */
export interface DisputeRule {
  unverifiedReports: number;
  windowHours: number;
}

export const defaultDisputeRule: DisputeRule = { unverifiedReports: 3, windowHours: 48 };

/** One citizen report of 买不到 at this facility for this drug, with what intake staff found. */
export interface UnavailableReport {
  /** ISO 8601 UTC, when the portal received it. */
  receivedAt: string;
  /** The case's verification result: 属实 (confirmed) alone is enough; 不属实 (not_confirmed) never counts. */
  verification: 'confirmed' | 'not_confirmed' | 'unverifiable' | null;
  /** Keyed hash of the sender's device: one phone sending three reports is one voice, not three. */
  deviceHash: string;
}

/**
 * True when, since the facility's last stock report, one verified report or `unverifiedReports` reports from
 * different devices within `windowHours` (inclusive) say 买不到. Only reports received after the stock report
 * count: the facility reporting again answers what came before.
 */
export function isDisputed(reports: readonly UnavailableReport[], stockReportedAt: string, rule: DisputeRule = defaultDisputeRule): boolean {
  const since = Date.parse(stockReportedAt);
  const newer = reports.filter((r) => Date.parse(r.receivedAt) > since && r.verification !== 'not_confirmed');
  if (newer.some((r) => r.verification === 'confirmed')) return true;
  const sorted = newer.map((r) => ({ at: Date.parse(r.receivedAt), device: r.deviceHash })).sort((a, b) => a.at - b.at);
  const windowMs = rule.windowHours * 3_600_000;
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]?.at ?? 0;
    const devices = new Set<string>();
    for (let j = i; j < sorted.length && (sorted[j]?.at ?? 0) - start <= windowMs; j++) devices.add(sorted[j]?.device ?? '');
    if (devices.size >= rule.unverifiedReports) return true;
  }
  return false;
}
