import { createRandom, hashSeed, type Random } from '../demo/seededRandom.ts';
import type { DrugKind } from '../drugs/drugVariety.ts';
import type { Facility } from '../facilities/facility.ts';
import type { StockReport, StockStatus } from './stockStatus.ts';

/*
 * DEMO stock reports for the demo register. Each facility draws from its own seeded stream, so adding
 * a facility or a drug leaves every other facility's stock as it was; `now` only shifts the timestamps.
 */

export const demoStockSeed = 20261124;

export interface DemoStockInput {
  facilities: readonly Pick<Facility, 'id' | 'type' | 'level'>[];
  /** formsText (片剂、胶囊…) decides the pack a demo price is quoted for. */
  drugs: readonly { id: string; kind: DrugKind; formsText?: string }[];
  now: Date;
  /** Everyday drugs (布洛芬, 阿莫西林…): carried by almost every facility, and nearly all a village clinic holds. */
  commonDrugIds?: ReadonlySet<string>;
  /** Drugs to show as hard to get: mostly 紧张 or 缺货 wherever they are carried. */
  scarceDrugIds?: ReadonlySet<string>;
  /** Drugs sold over the counter; pharmacies favour them. Without it pharmacies lean on common drugs instead. */
  otcDrugIds?: ReadonlySet<string>;
  seed?: number;
}

interface Profile {
  /** Share of all varieties carried, or for small facilities an absolute number of drugs. */
  size: { share: [number, number] } | { count: [number, number] };
  common: number;
  tcm: number;
  otc: number;
  /** Share of rows that state a price. */
  priced: number;
}

function profileOf(f: Pick<Facility, 'type' | 'level'>): Profile {
  switch (f.type) {
    case 'hospital':
      return f.level === 'tertiary'
        ? { size: { share: [0.6, 0.8] }, common: 1.5, tcm: 1, otc: 1, priced: 0.3 }
        : { size: { share: [0.35, 0.45] }, common: 2, tcm: 1, otc: 1, priced: 0.3 };
    case 'community_health_center':
    case 'township_health_center':
      return { size: { share: [0.2, 0.3] }, common: 6, tcm: 1, otc: 1, priced: 0.3 };
    case 'village_clinic':
      return { size: { count: [40, 80] }, common: 40, tcm: 1, otc: 1, priced: 0.3 };
    case 'retail_pharmacy':
      return { size: { share: [0.25, 0.35] }, common: 2, tcm: 2.5, otc: 3, priced: 0.6 };
    case 'post_office_pharmacy':
      // A counter in a rural post office: a short list of everyday medicines.
      return { size: { share: [0.08, 0.12] }, common: 6, tcm: 2, otc: 3, priced: 0.6 };
  }
}

const hourMs = 3_600_000;

export function generateDemoStock(input: DemoStockInput): StockReport[] {
  const { facilities, drugs, now, seed = demoStockSeed } = input;
  const common = input.commonDrugIds ?? new Set<string>();
  const scarce = input.scarceDrugIds ?? new Set<string>();
  // Without an OTC list, "common" is the closest stand-in for what people buy without a prescription.
  const otc = input.otcDrugIds ?? common;
  const prices = new Map(drugs.map((d) => [d.id, drugPrice(seed, d.id, d.kind, d.formsText ?? '')]));
  const reports: StockReport[] = [];

  for (const facility of facilities) {
    const rnd = createRandom(hashSeed(seed, 'stock', facility.id));
    const profile = profileOf(facility);
    const weight = (d: { id: string; kind: DrugKind }) =>
      (common.has(d.id) ? profile.common : 1) * (d.kind === 'tcm' ? profile.tcm : 1) * (otc.has(d.id) ? profile.otc : 1);
    const count =
      'count' in profile.size
        ? rnd.int(...profile.size.count)
        : Math.round(drugs.length * rnd.float(...profile.size.share));
    // Efraimidis–Spirakis weighted sampling without replacement: smallest -ln(u)/w wins.
    const carried = drugs
      .map((d) => ({ d, key: -Math.log(1 - rnd.next()) / weight(d) }))
      .sort((a, b) => a.key - b.key)
      .slice(0, Math.min(count, drugs.length))
      .map((x) => x.d);

    for (const drug of carried) {
      const status = pickStatus(rnd, scarce.has(drug.id));
      const price = prices.get(drug.id);
      const priced = price !== undefined && rnd.chance(profile.priced);
      reports.push({
        facilityId: facility.id,
        drugId: drug.id,
        status,
        quantity: rnd.chance(0.4) ? quantityFor(rnd, status) : null,
        // Prices vary ±~20 % around one base per drug, so comparing facilities shows believable spreads.
        priceFen: priced ? clamp(Math.round((price.baseFen * rnd.float(0.85, 1.2)) / 10) * 10, 300, 8000) : null,
        priceUnit: priced ? price.unit : null,
        reportedAt: reportedAt(rnd, now),
      });
    }
  }
  return reports;
}

function pickStatus(rnd: Random, isScarce: boolean): StockStatus {
  const r = rnd.next();
  if (isScarce) return r < 0.35 ? 'out' : r < 0.75 ? 'low' : 'in_stock';
  return r < 0.05 ? 'out' : r < 0.15 ? 'low' : 'in_stock';
}

function quantityFor(rnd: Random, status: StockStatus): number {
  if (status === 'out') return 0;
  return status === 'low' ? rnd.int(1, 9) : rnd.int(20, 500);
}

/** ~90 % reported within 48 h (skewed towards recent), ~10 % stale at 3–20 days. */
function reportedAt(rnd: Random, now: Date): string {
  const hoursAgo = rnd.chance(0.1) ? rnd.float(72.5, 480) : 48 * rnd.next() ** 1.5;
  const ms = Math.floor((now.getTime() - hoursAgo * hourMs) / 1000) * 1000;
  return new Date(ms).toISOString();
}

/** One base price and unit per drug, log-uniform so cheap drugs are as common as dear ones. */
function drugPrice(seed: number, drugId: string, kind: DrugKind, formsText: string): { baseFen: number; unit: string } {
  const rnd = createRandom(hashSeed(seed, 'price', drugId));
  const baseFen = Math.exp(rnd.float(Math.log(350), Math.log(6500)));
  return { baseFen, unit: rnd.pick(demoPacksFor(kind, formsText)) };
}

/**
 * Packs the way the form is sold, so a demo price never reads "per 支" for tablets. The first form named wins,
 * as it is the one most often dispensed; the pack always names its count, so a unit price can be shown.
 */
export function demoPacksFor(kind: DrugKind, formsText: string): string[] {
  const form = /注射|片|胶囊|颗粒|散|丸|口服液|糖浆|混悬|溶液|乳膏|软膏|凝胶|贴/.exec(formsText)?.[0];
  switch (form) {
    case '注射':
      return ['盒(5支)', '盒(10支)'];
    case '片':
      return ['盒(24片)', '盒(20片)', '瓶(100片)'];
    case '胶囊':
      return ['盒(20粒)', '盒(24粒)', '盒(12粒)'];
    case '颗粒':
    case '散':
      return ['盒(10袋)', '盒(12袋)', '盒(6袋)'];
    case '丸':
      return ['瓶(200丸)', '盒(10袋)'];
    case '口服液':
    case '糖浆':
    case '混悬':
    case '溶液':
      return ['瓶(100ml)', '盒(10ml×6支)'];
    case '乳膏':
    case '软膏':
    case '凝胶':
      return ['支(10g)', '支(20g)'];
    case '贴':
      return ['盒(6贴)'];
    default:
      return kind === 'tcm' ? ['盒(10袋)', '瓶(200丸)'] : ['盒(24片)', '盒(20粒)'];
  }
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
