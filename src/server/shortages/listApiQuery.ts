import { z } from 'zod';
import { regionCodeInput } from '../../domain/regions/standardCode.ts';

/** Query of GET /api/shortage-lists; the OpenAPI document describes its parameters from this schema. */
export const shortageListIndexQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  // A date is midnight Beijing time, which is when a list dated that day is loaded at the earliest.
  updatedSince: z
    .string()
    .transform((s, ctx) => {
      const instant = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00+08:00`) : /T.*(Z|[+-]\d{2}:?\d{2})$/.test(s) ? Date.parse(s) : Number.NaN;
      if (Number.isNaN(instant)) {
        ctx.addIssue({ code: 'custom', message: '应为 ISO 8601 日期（2026-09-01）或带时区的时间（2026-09-01T08:00:00+08:00）' });
        return z.NEVER;
      }
      return new Date(instant).toISOString();
    })
    .optional(),
  region: regionCodeInput.optional(),
});
