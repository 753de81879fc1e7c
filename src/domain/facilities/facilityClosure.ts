import { z } from 'zod';

/** A closure staff recorded: from this Shanghai calendar day on, the facility is out of every list. */
export interface FacilityClosure {
  facilityId: string;
  closedFrom: string;
  note: string | null;
}

export const closureForm = z.object({
  closedFrom: z.iso.date({ error: '关闭日期：请填写 YYYY-MM-DD 格式的日期' }),
  note: z
    .string()
    .trim()
    .max(200, { error: '说明：最多 200 字' })
    .transform((v) => (v === '' ? null : v))
    .optional()
    .default(null),
});

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Closed at this instant? Days are Shanghai days: a closure from 12-03 applies from 00:00 Beijing time. */
export function isClosedAt(closure: Pick<FacilityClosure, 'closedFrom'> | undefined, now: Date): boolean {
  return closure !== undefined && closure.closedFrom <= shanghaiDay.format(now);
}
