import { z } from 'zod';
import { facilityType } from '../facilities/facility.ts';
import { regionCodeInput } from '../regions/standardCode.ts';


const flag = z
  .enum(['1', '0', 'true', 'false', 'on'])
  .transform((v) => v === '1' || v === 'true' || v === 'on');

/** Query of the "where to get it" list: near a point, or within a region the user picked. */
export const availabilityQuery = z
  .object({
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    radius: z.coerce.number().positive().max(200, '半径最大 200 公里 / radius at most 200 km').default(20),
    region: regionCodeInput.optional(),
    type: z.array(facilityType).or(facilityType.transform((t) => [t])).optional(),
    insurance: flag.optional(),
    available: flag.optional(),
    /** 现在营业: only facilities known to be open at this moment. */
    open: flag.optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    message: '纬度和经度需同时提供 / lat and lng go together',
    path: ['lng'],
  });
export type AvailabilityQuery = z.infer<typeof availabilityQuery>;

/** Which filterable field a region code of this length narrows by. */
export function regionField(code: string): 'provinceCode' | 'cityCode' | 'countyCode' | 'townshipCode' {
  if (code.length === 2) return 'provinceCode';
  if (code.length === 4) return 'cityCode';
  if (code.length === 6) return 'countyCode';
  return 'townshipCode';
}

/**
 * Builds the index filter. Ids and codes reaching here were validated by their schemas, which admit no quotes,
 * so quoting them is enough to keep the filter expression well-formed.
 */
export function availabilityFilter(drugId: string, q: AvailabilityQuery): string[] {
  const quoted = (v: string) => `"${v}"`;
  const statuses = q.available ? ['inStock', 'low'] : ['inStock', 'low', 'out'];
  const filters = [`(${statuses.map((s) => `${s} = ${quoted(drugId)}`).join(' OR ')})`];
  if (q.lat !== undefined && q.lng !== undefined) {
    filters.push(`_geoRadius(${q.lat}, ${q.lng}, ${Math.round(q.radius * 1000)})`);
  }
  if (q.region) filters.push(`${regionField(q.region)} = ${quoted(q.region)}`);
  if (q.type && q.type.length > 0) filters.push(`type IN [${q.type.map(quoted).join(', ')}]`);
  if (q.insurance) filters.push('insurance = true');
  return filters;
}
