import type { FacilityClosure } from '../../domain/facilities/facilityClosure.ts';
import type { Store } from './openStore.ts';

export async function closeFacility(store: Store, closure: FacilityClosure, setBy: string, now: Date): Promise<void> {
  const row = { facility_id: closure.facilityId, closed_from: closure.closedFrom, note: closure.note, set_by: setBy, set_at: now.toISOString() };
  await store
    .insertInto('facility_closures')
    .values(row)
    .onConflict((oc) => oc.column('facility_id').doUpdateSet({ closed_from: row.closed_from, note: row.note, set_by: row.set_by, set_at: row.set_at }))
    .execute();
}

export async function reopenFacility(store: Store, facilityId: string): Promise<void> {
  await store.deleteFrom('facility_closures').where('facility_id', '=', facilityId).execute();
}

export async function closuresFor(store: Store, facilityIds: string[]): Promise<Map<string, FacilityClosure>> {
  if (facilityIds.length === 0) return new Map();
  const rows = await store.selectFrom('facility_closures').selectAll().where('facility_id', 'in', facilityIds).execute();
  return new Map(rows.map((r) => [r.facility_id, { facilityId: r.facility_id, closedFrom: r.closed_from, note: r.note }]));
}
