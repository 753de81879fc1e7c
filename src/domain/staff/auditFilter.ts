import { z } from 'zod';
import { auditAction } from './audit.ts';

/** Dates in the viewer's filter are calendar days in Asia/Shanghai (UTC+8 all year, no summer time). */
const day = z.iso.date({ message: '请输入 年-月-日 格式的日期，如 2026-03-01' });

/** The audit viewer's filter as it arrives in the query string; empty fields mean "any". */
export const auditFilter = z
  .object({
    from: day.optional(),
    to: day.optional(),
    action: auditAction.optional(),
    actor: z.string().trim().toLowerCase().max(32).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type AuditFilter = z.infer<typeof auditFilter>;

/** The UTC instant a Shanghai calendar day starts. */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** The UTC range [since, before) the filter's days cover, for comparing with stored ISO timestamps. */
export function auditTimeRange(filter: Pick<AuditFilter, 'from' | 'to'>): { since?: string; before?: string } {
  const range: { since?: string; before?: string } = {};
  if (filter.from) range.since = shanghaiDayStart(filter.from);
  if (filter.to) {
    const next = new Date(`${filter.to}T00:00:00+08:00`);
    next.setUTCDate(next.getUTCDate() + 1);
    range.before = next.toISOString();
  }
  return range;
}

/** Audit rows must be kept at least this long; nothing in the portal deletes them at all (docs/staff.md). */
export const auditRetentionMonths = 6;
