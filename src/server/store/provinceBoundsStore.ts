import { sql } from 'kysely';
import type { ProvinceBox } from '../../domain/facilities/provinceBounds.ts';
import type { Store } from './openStore.ts';

/** Each province's bounding box over its registered facilities; the first two digits of a county code name the province. */
export async function provinceBounds(store: Store): Promise<ProvinceBox[]> {
  // substr exists with this meaning in both SQLite and PostgreSQL.
  const province = sql<string>`substr(county_code, 1, 2)`;
  const rows = await store
    .selectFrom('facilities')
    .select([
      province.as('code'),
      (eb) => eb.fn.min('lat').as('minLat'),
      (eb) => eb.fn.max('lat').as('maxLat'),
      (eb) => eb.fn.min('lng').as('minLng'),
      (eb) => eb.fn.max('lng').as('maxLng'),
    ])
    .groupBy(province)
    .orderBy(province)
    .execute();
  return rows.map((r) => ({
    code: r.code,
    minLat: Number(r.minLat),
    maxLat: Number(r.maxLat),
    minLng: Number(r.minLng),
    maxLng: Number(r.maxLng),
  }));
}
