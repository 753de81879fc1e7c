import { z } from 'zod';
import { drugIdParam } from '../drugs/drugIdParam.ts';
import type { AlertArea } from './watchArea.ts';

/** The subscribe form's and the API's input: one schema for both (the area itself: ./watchArea.ts). */
export const alertSubscriptionInput = z
  .object({
    drugId: drugIdParam,
    region: z
      .string()
      .regex(/^\d{6}$/, '请选择县（市、区）')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    radius: z.coerce.number().positive().max(200, '半径最大 200 公里').default(20),
    /** Optional: alerts also by e-mail. */
    email: z
      .email('邮箱格式不正确')
      .max(200)
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '纬度和经度需同时提供', path: ['lng'] })
  .refine((q) => q.region !== undefined || q.lat !== undefined, { message: '请先选择县（市、区）或使用您的位置', path: ['region'] })
  .transform(({ drugId, region, lat, lng, radius, email }) => ({
    drugId,
    email,
    area: (lat !== undefined && lng !== undefined
      ? { kind: 'point', lat, lng, radiusKm: radius }
      : { kind: 'county', countyCode: region as string }) satisfies AlertArea as AlertArea,
  }));
export type AlertSubscriptionInput = z.infer<typeof alertSubscriptionInput>;

