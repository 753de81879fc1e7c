import { z } from 'zod';
import { drugIdParam } from '../drugs/drugIdParam.ts';

/**
 * Where a watched drug is looked for: a county the citizen picked, or a point (their location) and a radius,
 * as on the drug page. One schema for the subscribe form, the API and the watch list.
 */
export type AlertArea = { kind: 'county'; countyCode: string } | { kind: 'point'; lat: number; lng: number; radiusKm: number };

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
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '纬度和经度需同时提供', path: ['lng'] })
  .refine((q) => q.region !== undefined || q.lat !== undefined, { message: '请先选择县（市、区）或使用您的位置', path: ['region'] })
  .transform(({ drugId, region, lat, lng, radius }) => ({
    drugId,
    area: (lat !== undefined && lng !== undefined
      ? { kind: 'point', lat, lng, radiusKm: radius }
      : { kind: 'county', countyCode: region as string }) satisfies AlertArea as AlertArea,
  }));
export type AlertSubscriptionInput = z.infer<typeof alertSubscriptionInput>;
