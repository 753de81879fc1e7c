/**
 * Synthetic province-scale data for the search benchmark (scripts/bench-search.ts). Nothing here is used by
 * the portal itself. Rows are produced as store table rows so the bulk loader can write them without mapping.
 * Deterministic: facility i gets the same place and stock whatever the total count, so runs of different
 * sizes share their first facilities.
 */
import { createRandom, hashSeed, type Random } from '../../domain/demo/seededRandom.ts';
import type { FacilityType, OpeningHours } from '../../domain/facilities/facility.ts';
import type { DrugTable, FacilityTable, StockReportTable } from '../store/schema.ts';

/** 江西省 bounding box used for synthetic facilities and query points. */
export const jiangxiBounds = { minLat: 24.5, maxLat: 30.1, minLng: 113.6, maxLng: 118.5 } as const;

/** Real county-level codes of 江西省; cityCode (first four digits) is derived from them by the index. */
export const jiangxiCountyCodes = [
  '360102', // 南昌 东湖区
  '360104', // 南昌 青云谱区
  '360111', // 南昌 青山湖区
  '360121', // 南昌县
  '360202', // 景德镇 昌江区
  '360203', // 景德镇 珠山区
  '360222', // 浮梁县
  '360281', // 乐平市
  '360302', // 萍乡 安源区
  '360402', // 九江 濂溪区
  '360403', // 九江 浔阳区
  '360429', // 湖口县
  '360502', // 新余 渝水区
  '360602', // 鹰潭 月湖区
  '360681', // 贵溪市
  '360702', // 赣州 章贡区
  '360703', // 赣州 南康区
  '360781', // 瑞金市
  '360802', // 吉安 吉州区
  '360881', // 井冈山市
  '360902', // 宜春 袁州区
  '360981', // 丰城市
  '361002', // 抚州 临川区
  '361025', // 乐安县
  '361102', // 上饶 信州区
  '361181', // 德兴市
] as const;

export function benchDrugId(index: number): string {
  return `B${String(index + 1).padStart(4, '0')}`;
}

export function benchFacilityId(index: number): string {
  return `BF${String(index + 1).padStart(6, '0')}`;
}

export function syntheticDrugRows(varieties: number, now: Date): DrugTable[] {
  const updatedAt = now.toISOString();
  const rows: DrugTable[] = [];
  for (let i = 0; i < varieties; i++) {
    const n = String(i + 1).padStart(4, '0');
    rows.push({
      id: benchDrugId(i),
      eml_number: null,
      kind: 'chemical',
      generic_name: `基准药品${n}`,
      english_name: `Benchmark drug ${n}`,
      category: `基准分类${String((i % 30) + 1).padStart(2, '0')}`,
      subcategory: null,
      therapeutic_group: null,
      also_listed_in: '[]',
      forms: JSON.stringify([{ form: '片剂', strengths: ['0.1g'] }]),
      forms_text: '片剂：0.1g',
      specialist_only: 0,
      notes: null,
      is_essential: 0,
      pinyin_full: `jizhunyaopin${n}`,
      pinyin_initials: `jzyp${n}`,
      updated_at: updatedAt,
    });
  }
  return rows;
}

const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const everyDay = (open: string, close: string) => [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open, close }));
const hoursJson: Record<'allDay' | 'pharmacy' | 'clinic' | 'office', string> = {
  allDay: JSON.stringify({ days: everyDay('00:00', '23:59'), allDay: true, note: null } satisfies OpeningHours),
  pharmacy: JSON.stringify({ days: everyDay('08:00', '21:30'), allDay: false, note: null } satisfies OpeningHours),
  clinic: JSON.stringify({ days: weekdays('08:00', '17:30'), allDay: false, note: '节假日另行通知' } satisfies OpeningHours),
  office: JSON.stringify({ days: weekdays('08:30', '17:00'), allDay: false, note: null } satisfies OpeningHours),
};

const typeMix: { type: FacilityType; share: number; label: string }[] = [
  { type: 'retail_pharmacy', share: 0.45, label: '药店' },
  { type: 'village_clinic', share: 0.3, label: '卫生室' },
  { type: 'township_health_center', share: 0.1, label: '卫生院' },
  { type: 'community_health_center', share: 0.08, label: '社区卫生服务中心' },
  { type: 'hospital', share: 0.05, label: '医院' },
  { type: 'post_office_pharmacy', share: 0.02, label: '医邮合作药房' },
];

function pickType(rnd: Random): (typeof typeMix)[number] {
  let r = rnd.next();
  for (const entry of typeMix) {
    if (r < entry.share) return entry;
    r -= entry.share;
  }
  return typeMix[0] as (typeof typeMix)[number];
}

export function syntheticFacilityRow(index: number, now: Date): FacilityTable {
  const rnd = createRandom(hashSeed('bench-facility', index));
  const kind = pickType(rnd);
  const n = String(index + 1).padStart(6, '0');
  const { minLat, maxLat, minLng, maxLng } = jiangxiBounds;
  const hours =
    kind.type === 'hospital' ? hoursJson.allDay
    : kind.type === 'retail_pharmacy' ? (rnd.chance(0.1) ? hoursJson.allDay : hoursJson.pharmacy)
    : kind.type === 'post_office_pharmacy' ? hoursJson.office
    : hoursJson.clinic;
  return {
    id: benchFacilityId(index),
    name: `基准${kind.label}${n}`,
    type: kind.type,
    level: kind.type === 'hospital' ? rnd.pick(['tertiary', 'secondary', 'primary']) : null,
    address: `江西省基准市基准路${rnd.int(1, 999)}号`,
    county_code: rnd.pick(jiangxiCountyCodes),
    township_code: null,
    lat: Math.round(rnd.float(minLat, maxLat) * 1e6) / 1e6,
    lng: Math.round(rnd.float(minLng, maxLng) * 1e6) / 1e6,
    phone: rnd.chance(0.7) ? `0791-${String(rnd.int(0, 9999999)).padStart(7, '0')}` : null,
    opening_hours: hours,
    insurance_designated: kind.type === 'retail_pharmacy' ? (rnd.chance(0.6) ? 1 : 0) : 1,
    is_demo: 0,
    updated_at: now.toISOString(),
    credit_code: null,
    licence_number: null,
  };
}

export type StockRow = Omit<StockReportTable, 'source' | 'change_seq'>;

/**
 * Streams one facility's stock rows in primary-key order (drug ids ascending), so the loader appends to the
 * (facility_id, drug_id) key instead of inserting all over it. ~85 % in stock, 10 % low, 5 % out; about half
 * carry a price; reports fall within the last three days.
 */
export class StockGenerator {
  readonly #varieties: number;
  readonly #perFacility: number;
  readonly #drugIds: string[];
  readonly #baseFen: Float64Array;
  readonly #units: string[];
  readonly #timestamps: string[];
  readonly #perm: Uint16Array;
  readonly #identity: Uint16Array;

  constructor(varieties: number, perFacility: number, now: Date) {
    if (varieties > 65535) throw new Error('at most 65,535 varieties');
    this.#varieties = varieties;
    this.#perFacility = Math.min(perFacility, varieties);
    this.#drugIds = Array.from({ length: varieties }, (_, i) => benchDrugId(i));
    const rnd = createRandom(hashSeed('bench-prices', varieties));
    this.#baseFen = Float64Array.from({ length: varieties }, () => Math.exp(rnd.float(Math.log(350), Math.log(6500))));
    this.#units = Array.from({ length: varieties }, () => rnd.pick(['盒', '盒', '盒', '瓶', '支']));
    // One timestamp per minute of the last three days: formatting 90 million dates would dominate generation.
    const minute = 60_000;
    const end = Math.floor(now.getTime() / minute) * minute;
    this.#timestamps = Array.from({ length: 3 * 24 * 60 }, (_, i) => new Date(end - i * minute).toISOString());
    this.#identity = Uint16Array.from({ length: varieties }, (_, i) => i);
    this.#perm = new Uint16Array(varieties);
  }

  get perFacility(): number {
    return this.#perFacility;
  }

  /** Calls `emit` once per row; `facilityId` is passed through so the caller's rows need no allocation. */
  forFacility(index: number, emit: (row: StockRow) => void): void {
    const rnd = createRandom(hashSeed('bench-stock', index));
    const perm = this.#perm;
    perm.set(this.#identity);
    const k = this.#perFacility;
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rnd.next() * (this.#varieties - i));
      const t = perm[i] as number;
      perm[i] = perm[j] as number;
      perm[j] = t;
    }
    const chosen = perm.subarray(0, k).sort();
    const facilityId = benchFacilityId(index);
    for (const drug of chosen) {
      const r = rnd.next();
      const status = r < 0.05 ? 'out' : r < 0.15 ? 'low' : 'in_stock';
      const priced = rnd.next() < 0.5;
      const withQuantity = rnd.next() < 0.4;
      emit({
        facility_id: facilityId,
        drug_id: this.#drugIds[drug] as string,
        status,
        quantity: withQuantity ? (status === 'out' ? 0 : status === 'low' ? rnd.int(1, 9) : rnd.int(20, 500)) : null,
        price_fen: priced ? Math.round(((this.#baseFen[drug] as number) * rnd.float(0.85, 1.2)) / 10) * 10 : null,
        price_unit: priced ? (this.#units[drug] as string) : null,
        reported_at: this.#timestamps[Math.floor(rnd.next() * this.#timestamps.length)] as string,
      });
    }
  }
}
