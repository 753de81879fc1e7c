import { createRandom, hashSeed, type Random } from '../demo/seededRandom.ts';
import type { Region, Village } from '../regions/regionTree.ts';
import type { Facility, FacilityType, HospitalLevel, OpeningHours } from './facility.ts';
import {
  brands,
  type CountySetup,
  counties,
  demoPhonePrefix,
  demoRegisterSeed,
  hoursFor,
  ordinals,
  roads,
  type TownshipKind,
  townshipKind,
} from './demoRegisterConfig.ts';

export { demoPhonePrefix, demoRegisterSeed } from './demoRegisterConfig.ts';

/*
 * DEMO facility register for 景德镇市, generated so the portal can be shown before real data arrives.
 * Naming rule, applied to every facility: the word 示例 sits right before the kind of facility or the shop
 * brand (景德镇市示例第一人民医院, 瑶里镇示例卫生院, 白石塔村示例卫生室, 示例康民大药房（新村街道店）,
 * 示例邮政医邮合作药房（瑶里镇网点）), so no name can be mistaken for, or collide with, a real facility.
 * Places (county, township, village) are real; roads are all called 示例…路 and phone numbers use 0798-00xxxxx,
 * a block that cannot be a subscriber number (local numbers never start with 0), so nobody real gets called.
 */

export interface DemoRegisterInput {
  regions: readonly Region[];
  villages: readonly Village[];
  seed?: number;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

interface Draft {
  prefix: 'H' | 'C' | 'T' | 'V' | 'P';
  name: string;
  type: FacilityType;
  level?: HospitalLevel;
  /** Village name placed between township and road in the address. */
  place?: string;
  /** Degrees around the township centre; village clinics sit further out than town-centre facilities. */
  jitter: number;
  hours: OpeningHours;
  insured: boolean;
  hasPhone?: boolean;
}

export function generateDemoRegister({ regions, villages, seed = demoRegisterSeed }: DemoRegisterInput): Facility[] {
  const cityName = regions.find((r) => r.level === 'city')?.name ?? '';
  const counters = new Map<string, number>();
  const usedPhones = new Set<string>();
  const phoneRandom = createRandom(hashSeed(seed, 'phones'));
  const out: Facility[] = [];

  const nextId = (prefix: string) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `JDZ-${prefix}-${String(n).padStart(4, '0')}`;
  };
  const nextPhone = () => {
    for (;;) {
      const candidate = `${demoPhonePrefix}${String(phoneRandom.int(0, 99999)).padStart(5, '0')}`;
      if (!usedPhones.has(candidate)) {
        usedPhones.add(candidate);
        return candidate;
      }
    }
  };

  for (const county of regions.filter((r) => r.level === 'county')) {
    const setup = counties[county.code];
    if (!setup) continue; // the register only covers 景德镇市
    const townships = regions.filter((r) => r.level === 'township' && r.parentCode === county.code);
    const isUrban = (t: Region) => townshipKind(t.code) === 'street' || t.code === setup.seatTownship;

    const add = (rnd: Random, t: Region, d: Draft) => {
      const centre = townshipCentre(t, setup, seed);
      out.push({
        id: nextId(d.prefix),
        name: d.name,
        type: d.type,
        level: d.level ?? null,
        address: `${county.name}${t.name}${d.place ?? ''}${rnd.pick(roads)}${rnd.int(1, 299)}号`,
        countyCode: county.code,
        townshipCode: t.code,
        lat: round6(centre.lat + rnd.float(-d.jitter, d.jitter)),
        lng: round6(centre.lng + rnd.float(-d.jitter, d.jitter)),
        phone: d.hasPhone === false ? null : nextPhone(),
        openingHours: d.hours,
        insuranceDesignated: d.insured,
        isDemo: true,
      });
    };

    const hospitalRandom = createRandom(hashSeed(seed, 'hospitals', county.code));
    const urban = townships.filter(isUrban);
    for (const h of setup.hospitals) {
      const name = h.name.replace('{city}', cityName).replace('{county}', county.name);
      add(hospitalRandom, hospitalRandom.pick(urban), {
        prefix: 'H', name, type: 'hospital', level: h.level, jitter: 0.006, hours: hoursFor.hospital(), insured: true,
      });
    }

    for (const t of townships) {
      const kind = townshipKind(t.code);
      const rnd = createRandom(hashSeed(seed, 'township', t.code));
      const primaryCare = { jitter: 0.004, hours: hoursFor.primaryCare(), insured: true } as const;
      if (kind === 'street') {
        add(rnd, t, { prefix: 'C', name: `${t.name}示例社区卫生服务中心`, type: 'community_health_center', ...primaryCare });
      } else if (kind !== 'other') {
        add(rnd, t, { prefix: 'T', name: `${county.name}${t.name}示例卫生院`, type: 'township_health_center', ...primaryCare });
      }

      // Only real 村委会 get a 村卫生室 (居委会 and 虚拟社区 rows are urban or administrative).
      const villageCommittees = villages.filter((v) => v.townshipCode === t.code && v.name.endsWith('村委会'));
      for (const v of sample(rnd, villageCommittees, Math.min(villageCommittees.length, rnd.int(1, 2)))) {
        const village = v.name.replace(/委会$/, '');
        add(rnd, t, {
          prefix: 'V', name: `${village}示例卫生室`, type: 'village_clinic', place: village, jitter: 0.03,
          hours: hoursFor.village(), insured: true, hasPhone: rnd.chance(0.6),
        });
      }

      const branches = new Map<string, number>();
      for (let i = pharmacyCount(rnd, kind, isUrban(t), setup); i > 0; i--) {
        const brand = rnd.pick(brands);
        const branch = branches.get(brand) ?? 0;
        branches.set(brand, branch + 1);
        const allNight = isUrban(t) && rnd.chance(0.08);
        add(rnd, t, {
          prefix: 'P', name: `${brand}（${t.name}${ordinals[branch] ?? String(branch + 1)}店）`, type: 'retail_pharmacy',
          jitter: isUrban(t) ? 0.005 : 0.008, hours: allNight ? hoursFor.pharmacy24h() : hoursFor.pharmacy(),
          insured: rnd.chance(0.8),
        });
      }
    }

    // 医邮合作药房 serve places without a pharmacy nearby, so they go to rural townships away from the seat.
    const postRandom = createRandom(hashSeed(seed, 'post', county.code));
    const rural = townships.filter((t) => !isUrban(t) && townshipKind(t.code) !== 'other');
    for (const t of sample(postRandom, rural, Math.min(rural.length, setup.postOfficePharmacies))) {
      add(postRandom, t, {
        prefix: 'P', name: `示例邮政医邮合作药房（${t.name}网点）`, type: 'post_office_pharmacy', jitter: 0.004,
        hours: hoursFor.postOffice(), insured: true,
      });
    }
  }
  return out;
}

function pharmacyCount(rnd: Random, kind: TownshipKind, urban: boolean, setup: CountySetup): number {
  if (kind === 'street') return rnd.int(...setup.streetPharmacies);
  if (urban) return rnd.int(5, 7); // a county seat town such as 浮梁镇
  if (kind === 'town') return rnd.int(1, 3);
  if (kind === 'xiang') return rnd.int(1, 2);
  return rnd.int(0, 2); // 园区 / 农场
}

/** Partial Fisher–Yates: `count` distinct items, order decided by the stream. */
function sample<T>(rnd: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = rnd.int(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}

/** One fixed point per township (its own seeded stream) so that its facilities cluster around it. */
function townshipCentre(t: Region, setup: CountySetup, seed: number): { lat: number; lng: number } {
  const rnd = createRandom(hashSeed(seed, 'centre', t.code));
  if (townshipKind(t.code) === 'street' || t.code === setup.seatTownship) {
    return { lat: setup.seat.lat + rnd.float(-0.02, 0.02), lng: setup.seat.lng + rnd.float(-0.02, 0.02) };
  }
  // Rural townships keep clear of the urban core so the map does not show villages inside the city.
  let point = { lat: setup.seat.lat, lng: setup.seat.lng };
  for (let attempt = 0; attempt < 20; attempt++) {
    point = { lat: setup.seat.lat + rnd.float(...setup.latRange), lng: setup.seat.lng + rnd.float(...setup.lngRange) };
    if (Math.hypot(point.lat - setup.seat.lat, point.lng - setup.seat.lng) > 0.05) break;
  }
  return point;
}
