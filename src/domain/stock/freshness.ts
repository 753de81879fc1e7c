/** Reports older than this are shown as "may be out of date": three days covers a weekend plus a holiday Monday. */
export const staleAfterHours = 72;

export interface ReportAge {
  /** Fractional hours since the report; 0 for timestamps in the future (clock skew on the reporting side). */
  hours: number;
  isStale: boolean;
  /** 刚刚 / 12 分钟前 / 3 小时前 / 2 天前 */
  label: string;
}

const msPerMinute = 60_000;

export function reportAge(reportedAt: string | Date, now: Date): ReportAge {
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
  return { hours, isStale: hours > staleAfterHours, label };
}
