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

/**
 * The area the drug page is showing, as a watch or alert area: the point and radius when located, a county
 * when one is picked; null for wider regions (a whole city says too little about a trip to the pharmacy).
 */
export function watchAreaOf(query: { lat?: number; lng?: number; radius: number; region?: string }): AlertArea | null {
  if (query.lat !== undefined && query.lng !== undefined) return { kind: 'point', lat: query.lat, lng: query.lng, radiusKm: query.radius };
  return query.region?.length === 6 ? { kind: 'county', countyCode: query.region } : null;
}

/** The availability API's query for an area, so the app asks exactly what the drug page showed. */
export function availabilityParamsOf(area: AlertArea): Record<string, string> {
  return area.kind === 'point' ? { lat: String(area.lat), lng: String(area.lng), radius: String(area.radiusKm) } : { region: area.countyCode };
}

/** How a point area is named to the citizen (a county goes by its name). */
export function pointAreaLabel(radiusKm: number): string {
  return `您的位置附近 ${radiusKm} 公里内`;
}
