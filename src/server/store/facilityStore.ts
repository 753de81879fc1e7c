import type { Facility } from '../../domain/facilities/facility.ts';
import type { Store } from './openStore.ts';
import type { FacilityTable } from './schema.ts';

export function facilityFromRow(row: FacilityTable): Facility {
  return {
    id: row.id,
    name: row.name,
    type: row.type as Facility['type'],
    level: row.level as Facility['level'],
    address: row.address,
    countyCode: row.county_code,
    townshipCode: row.township_code,
    lat: row.lat,
    lng: row.lng,
    phone: row.phone,
    openingHours: JSON.parse(row.opening_hours),
    insuranceDesignated: row.insurance_designated === 1,
    isDemo: row.is_demo === 1,
    creditCode: row.credit_code,
    licenceNumber: row.licence_number,
  };
}

function rowFromFacility(f: Facility, updatedAt: string): FacilityTable {
  return {
    id: f.id,
    name: f.name,
    type: f.type,
    level: f.level,
    address: f.address,
    county_code: f.countyCode,
    township_code: f.townshipCode,
    lat: f.lat,
    lng: f.lng,
    phone: f.phone,
    opening_hours: JSON.stringify(f.openingHours),
    insurance_designated: f.insuranceDesignated ? 1 : 0,
    is_demo: f.isDemo ? 1 : 0,
    updated_at: updatedAt,
    credit_code: f.creditCode ?? null,
    licence_number: f.licenceNumber ?? null,
  };
}

/** Upserts a register in one transaction; facilities absent from the file are left alone (registers arrive per county). */
export async function saveFacilities(store: Store, facilities: Facility[], now = new Date()): Promise<void> {
  const updatedAt = now.toISOString();
  await store.transaction().execute(async (trx) => {
    for (const f of facilities) {
      const row = rowFromFacility(f, updatedAt);
      const { id: _id, ...changes } = row;
      await trx.insertInto('facilities').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
    }
  });
}

export async function loadFacility(store: Store, id: string): Promise<Facility | undefined> {
  const row = await store.selectFrom('facilities').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? facilityFromRow(row) : undefined;
}

export async function loadFacilities(store: Store, ids?: string[]): Promise<Facility[]> {
  if (ids && ids.length === 0) return [];
  let query = store.selectFrom('facilities').selectAll().orderBy('id');
  if (ids) query = query.where('id', 'in', ids);
  return (await query.execute()).map(facilityFromRow);
}

export async function facilityIds(store: Store): Promise<string[]> {
  return (await store.selectFrom('facilities').select('id').orderBy('id').execute()).map((r) => r.id);
}

export async function countFacilities(store: Store): Promise<number> {
  const row = await store.selectFrom('facilities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
