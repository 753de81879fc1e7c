import { z } from 'zod';

/**
 * Staff pick publication times in a <input type="datetime-local">, which sends wall-clock time without a
 * zone. The portal's staff all work in China time, which has had no daylight saving since 1991, so +08:00
 * is fixed rather than looked up.
 */
const shanghaiOffsetMs = 8 * 3_600_000;

export const shanghaiLocalDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, '请选择日期和时间')
  .transform((value, ctx) => {
    const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}+08:00`);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: '日期或时间不存在' });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });

/** The value a datetime-local input shows for a stored UTC instant. */
export function toShanghaiLocalInput(iso: string): string {
  return new Date(Date.parse(iso) + shanghaiOffsetMs).toISOString().slice(0, 16);
}
