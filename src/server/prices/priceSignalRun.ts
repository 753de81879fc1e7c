import { frequencySignal, median, referenceGapSignal, regionalGapSignal, riseSignal, type SeriesPoint } from '../../domain/prices/priceSignals.ts';
import { matchReference, referenceLabel, withUnitPrice } from '../../domain/prices/referencePrice.ts';
import type { PriceSignalThresholds } from '../../domain/prices/signalThresholds.ts';
import type { UnitPrice } from '../../domain/prices/pack.ts';
import type { Store } from '../store/openStore.ts';
import type { PriceRecord } from '../store/priceHistoryStore.ts';
import { countyUnitPrices, pairHistory } from '../store/priceHistoryStore.ts';
import { countyMediansUnder, saveCountyMedian } from '../store/priceMedianStore.ts';
import { type DetectedSignal, recordSignals } from '../store/priceSignalStore.ts';
import { referencesFor } from '../store/referencePriceStore.ts';

const dayMs = 86_400_000;

/** A current price as a comparable unit price, or undefined when its pack could not be read. */
function unitOf(p: PriceRecord): UnitPrice | undefined {
  if (p.unit_fen === null || p.comparable_key === null || p.unit === null) return undefined;
  // The key holds form and strength as normalised when the price was recorded (see domain/prices/pack.ts).
  const [form, strength] = p.comparable_key.split('|');
  return { unitFen: p.unit_fen, unit: p.unit as UnitPrice['unit'], form: form || null, strength: strength || null, comparableKey: p.comparable_key };
}

/**
 * Signals from the prices one import changed, and nothing else: each changed facility × drug reads its own
 * history (one window long), each touched county × product its own current prices, and each touched city its
 * county medians. The cost follows the import's size, not the province's.
 */
export async function signalsForChanges(store: Store, changed: readonly PriceRecord[], t: PriceSignalThresholds, now: Date): Promise<{ detected: number; opened: number }> {
  const found: DetectedSignal[] = [];
  const refs = (await referencesFor(store, [...new Set(changed.map((c) => c.drug_id))])).map(withUnitPrice);
  const areas = new Map<string, { drugId: string; key: string; county: string }>();
  const windowDays = Math.max(t.riseWindowDays, t.frequencyWindowDays);
  // Several points of one pair in one import: its newest point reads the whole series.
  const newestPerPair = [...new Map(changed.map((c) => [`${c.facility_id}|${c.drug_id}`, c])).values()];
  for (const p of newestPerPair) {
    const unit = unitOf(p);
    if (!unit) continue;
    const since = new Date(Date.parse(p.reported_at) - windowDays * dayMs).toISOString();
    const series: SeriesPoint[] = (await pairHistory(store, p.facility_id, p.drug_id, since))
      .filter((h) => h.comparable_key === unit.comparableKey && h.unit_fen !== null)
      .map((h) => ({ at: h.reported_at, unitFen: Number(h.unit_fen) }));
    const base = { county_code: p.county_code, facility_id: p.facility_id, drug_id: p.drug_id, comparable_key: unit.comparableKey };
    const pair = `${p.facility_id}|${p.drug_id}|${unit.comparableKey}`;
    const rise = riseSignal(series, t);
    if (rise) found.push({ ...base, kind: 'rise', signal_key: `rise|${pair}|${rise.toAt}`, measure: rise.risePct, evidence_json: JSON.stringify(rise) });
    const often = frequencySignal(series, t);
    if (often) {
      const first = often.rises[0]?.at ?? p.reported_at;
      found.push({ ...base, kind: 'frequency', signal_key: `frequency|${pair}|${first}`, measure: often.rises.length, evidence_json: JSON.stringify(often) });
    }
    const ref = matchReference(unit, refs.filter((r) => r.drugId === p.drug_id), p.county_code);
    const gap = ref?.unitPrice ? referenceGapSignal(unit.unitFen, { unitFen: ref.unitPrice.unitFen, label: `${referenceLabel(ref)} ${ref.document}` }, t) : undefined;
    if (gap) found.push({ ...base, kind: 'reference_gap', signal_key: `reference|${pair}`, measure: gap.gapPct, evidence_json: JSON.stringify(gap) });
    areas.set(`${p.drug_id}|${unit.comparableKey}|${p.county_code}`, { drugId: p.drug_id, key: unit.comparableKey, county: p.county_code });
  }
  for (const a of areas.values()) {
    const prices = await countyUnitPrices(store, a.drugId, a.key, a.county);
    await saveCountyMedian(store, { drugId: a.drugId, comparableKey: a.key, countyCode: a.county, medianFen: median(prices), facilities: prices.length }, now);
  }
  for (const a of areas.values()) {
    const [city, province] = [a.county.slice(0, 4), a.county.slice(0, 2)];
    const provinceCounties = await countyMediansUnder(store, a.drugId, a.key, province);
    const county = provinceCounties.find((c) => c.countyCode === a.county);
    if (!county) continue;
    const gap = regionalGapSignal(county, provinceCounties.filter((c) => c.countyCode.startsWith(city)), provinceCounties, t);
    if (gap) {
      found.push({ kind: 'regional_gap', signal_key: `regional|${a.drugId}|${a.key}|${a.county}`, county_code: a.county, facility_id: null, drug_id: a.drugId, comparable_key: a.key, measure: gap.gapPct, evidence_json: JSON.stringify(gap) });
    }
  }
  return { detected: found.length, opened: await recordSignals(store, found, now) };
}
