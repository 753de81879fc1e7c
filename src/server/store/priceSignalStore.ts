import type { Store } from './openStore.ts';
import type { PriceSignalTable } from './priceSchema.ts';

export type PriceSignalRow = PriceSignalTable;
export type DetectedSignal = Pick<PriceSignalTable, 'signal_key' | 'kind' | 'county_code' | 'facility_id' | 'drug_id' | 'comparable_key' | 'measure' | 'evidence_json'>;

/**
 * Records signals found by a computation. A new key opens a signal; a key already open or assigned gets the
 * fresh evidence; a closed one stays closed (staff dealt with it; a later rise has a key of its own).
 */
export async function recordSignals(store: Store, signals: readonly DetectedSignal[], now: Date): Promise<number> {
  let opened = 0;
  const at = now.toISOString();
  for (const s of signals) {
    const existing = await store.selectFrom('price_signals').select(['id', 'status']).where('signal_key', '=', s.signal_key).executeTakeFirst();
    if (!existing) {
      await store.insertInto('price_signals').values({ ...s, status: 'open', assigned_to: null, action: null, note: null, detected_at: at, closed_at: null, updated_at: at }).execute();
      opened += 1;
    } else if (existing.status !== 'closed') {
      await store.updateTable('price_signals').set({ measure: s.measure, evidence_json: s.evidence_json, updated_at: at }).where('id', '=', existing.id).execute();
    }
  }
  return opened;
}

/** Signals in a region (prefix range of county codes), open ones first, newest first. */
export async function signalsIn(store: Store, region: { from: string; before: string }, options: { includeClosed?: boolean } = {}) {
  let q = store
    .selectFrom('price_signals as s')
    .leftJoin('drugs as d', 'd.id', 's.drug_id')
    .leftJoin('facilities as f', 'f.id', 's.facility_id')
    .leftJoin('staff_accounts as a', 'a.id', 's.assigned_to')
    .selectAll('s')
    .select(['d.generic_name as drug_name', 'f.name as facility_name', 'a.display_name as assignee_name'])
    .where('s.county_code', '>=', region.from)
    .where('s.county_code', '<', region.before);
  if (!options.includeClosed) q = q.where('s.status', '!=', 'closed');
  return q.orderBy('s.status', 'desc').orderBy('s.detected_at', 'desc').orderBy('s.id', 'desc').limit(500).execute();
}

export async function signalById(store: Store, id: number) {
  return store.selectFrom('price_signals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateSignal(store: Store, id: number, change: Partial<Pick<PriceSignalTable, 'status' | 'assigned_to' | 'action' | 'note' | 'closed_at'>>, now: Date) {
  await store.updateTable('price_signals').set({ ...change, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Price-rise reports since `since` in a region, by drug and county (repeat submissions not counted). */
export async function priceRiseReportsSince(store: Store, region: { from: string; before: string }, since: string) {
  const rows = await store
    .selectFrom('citizen_reports')
    .select(['drug_id', 'county_code', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('received_at').as('latest')])
    .where('problem', '=', 'price_rise')
    .where('drug_id', 'is not', null)
    .where('duplicate_of', 'is', null)
    .where('received_at', '>=', since)
    .where('county_code', '>=', region.from)
    .where('county_code', '<', region.before)
    .groupBy(['drug_id', 'county_code'])
    .execute();
  return rows.map((r) => ({ drugId: r.drug_id as string, countyCode: r.county_code, reports: Number(r.n), latest: String(r.latest) }));
}
