/*
 * Every threshold that decides how much a stock fact can be trusted lives here, so the page, the API and the
 * facility page age facts the same way.
 */

/** Reports older than this are "call first": three days covers a weekend plus a holiday Monday. */
export const staleAfterHours = 72;
/** A drug on a shortage list can run out within a day, so its reports go stale sooner. */
export const shortageStaleAfterHours = 24;
/** Past this a report says nothing about today's shelf and is not shown as stock at all. */
export const hiddenAfterDays = 30;

export interface ReportAge {
  /** Fractional hours since the report; 0 for timestamps in the future (clock skew on the reporting side). */
  hours: number;
  /** Old enough that the citizen should phone before going. */
  isStale: boolean;
  /** Too old to be shown as stock. */
  isExpired: boolean;
  /** 刚刚 / 12 分钟前 / 3 小时前 / 2 天前 */
  label: string;
}

const msPerMinute = 60_000;

export function reportAge(reportedAt: string | Date, now: Date, onShortageList = false): ReportAge {
  const reported = typeof reportedAt === 'string' ? new Date(reportedAt) : reportedAt;
  if (Number.isNaN(reported.getTime())) throw new Error(`invalid reportedAt: ${String(reportedAt)}`);
  const ms = Math.max(0, now.getTime() - reported.getTime());
  const hours = ms / (60 * msPerMinute);
  const minutes = Math.floor(ms / msPerMinute);
  let label: string;
  if (minutes < 1) label = '刚刚';
  else if (minutes < 60) label = `${minutes} 分钟前`;
  else if (hours < 24) label = `${Math.floor(hours)} 小时前`;
  else label = `${Math.floor(hours / 24)} 天前`;
  const staleAfter = onShortageList ? shortageStaleAfterHours : staleAfterHours;
  return { hours, isStale: hours > staleAfter, isExpired: hours > hiddenAfterDays * 24, label };
}
