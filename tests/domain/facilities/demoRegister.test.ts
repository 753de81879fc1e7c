import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { demoPhonePrefix, generateDemoRegister } from '../../../src/domain/facilities/demoRegister.ts';
import { facility, type Facility } from '../../../src/domain/facilities/facility.ts';
import { haversineKm } from '../../../src/domain/facilities/geo.ts';
import { buildRegionTree, parseDivisionsCsv, parseVillagesCsv } from '../../../src/domain/regions/regionTree.ts';

const regions = parseDivisionsCsv(readFileSync(new URL('../../../data/jingdezhen_divisions.csv', import.meta.url), 'utf8'));
const villages = parseVillagesCsv(readFileSync(new URL('../../../data/jingdezhen_villages.csv', import.meta.url), 'utf8'));
const tree = buildRegionTree(regions);
const register = generateDemoRegister({ regions, villages });
const countBy = (items: Facility[], key: (f: Facility) => string) => {
  const counts: Record<string, number> = {};
  for (const f of items) counts[key(f)] = (counts[key(f)] ?? 0) + 1;
  return counts;
};

describe('generateDemoRegister', () => {
  test('returns a few hundred facilities that all pass the facility contract', () => {
    expect(register.length).toBeGreaterThanOrEqual(300);
    expect(register.length).toBeLessThanOrEqual(400);
    for (const f of register) expect(facility.parse(f)).toEqual(f);
  });

  test('returns the same register for the same seed and a different one for another seed', () => {
    expect(generateDemoRegister({ regions, villages })).toEqual(register);
    expect(generateDemoRegister({ regions, villages, seed: 7 })).not.toEqual(register);
  });

  test('returns every kind of facility in plausible numbers', () => {
    const byKind = countBy(register, (f) => (f.level ? `${f.type}/${f.level}` : f.type));
    expect(byKind['hospital/tertiary']).toBeGreaterThanOrEqual(4);
    expect(byKind['hospital/secondary']).toBeGreaterThanOrEqual(8);
    expect(byKind.community_health_center).toBe(15); // one per urban 街道
    expect(byKind.township_health_center).toBe(37); // one per 镇/乡
    expect(byKind.village_clinic).toBeGreaterThanOrEqual(40);
    expect(byKind.retail_pharmacy).toBeGreaterThanOrEqual(150);
    expect(byKind.post_office_pharmacy).toBeGreaterThanOrEqual(2);
  });

  test('returns tertiary hospitals only in the city centre and in 乐平市', () => {
    const counties = new Set(register.filter((f) => f.level === 'tertiary').map((f) => tree.countyName(f.countyCode)));
    expect(counties).toEqual(new Set(['珠山区', '昌江区', '乐平市']));
  });

  test('returns facilities in all four counties, each in a township of that county', () => {
    expect(Object.keys(countBy(register, (f) => f.countyCode)).sort()).toEqual(['360202', '360203', '360222', '360281']);
    for (const f of register) expect(tree.countyOf(f.townshipCode ?? '')?.code).toBe(f.countyCode);
  });

  test('returns names that all say 示例 and ids and phones that are unique', () => {
    for (const f of register) expect(f.name).toContain('示例');
    expect(new Set(register.map((f) => f.id)).size).toBe(register.length);
    const phones = register.flatMap((f) => (f.phone ? [f.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) expect(p).toMatch(new RegExp(`^${demoPhonePrefix}\\d{5}$`));
  });

  test('returns ids of the JDZ-<letter>-0001 shape', () => {
    for (const f of register) expect(f.id).toMatch(/^JDZ-[HCTVP]-\d{4}$/);
    expect(register.find((f) => f.type === 'hospital')?.id).toBe('JDZ-H-0001');
  });

  test('returns village clinics named after real 村委会 of their own township', () => {
    for (const f of register.filter((x) => x.type === 'village_clinic')) {
      const village = f.name.replace('示例卫生室', '委会');
      expect(villages.some((v) => v.name === village && v.townshipCode === f.townshipCode)).toBe(true);
    }
  });

  test('returns only marked, demo facilities, with 医保定点 for every public one and most pharmacies', () => {
    expect(register.every((f) => f.isDemo)).toBe(true);
    expect(register.filter((f) => f.type !== 'retail_pharmacy').every((f) => f.insuranceDesignated)).toBe(true);
    const pharmacies = register.filter((f) => f.type === 'retail_pharmacy');
    const share = pharmacies.filter((f) => f.insuranceDesignated).length / pharmacies.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.9);
  });

  test('returns hospitals with 24-hour emergency and a few 24-hour pharmacies', () => {
    for (const f of register.filter((x) => x.type === 'hospital')) {
      expect(f.openingHours).toMatchObject({ allDay: true, note: '急诊24小时' });
    }
    const allNight = register.filter((f) => f.type === 'retail_pharmacy' && f.openingHours.allDay).length;
    expect(allNight).toBeGreaterThanOrEqual(2);
    expect(allNight).toBeLessThanOrEqual(20);
  });

  test('returns facilities inside the 景德镇市 area, clustered by township', () => {
    // The city spans roughly 28.7–29.9°N and 116.9–117.7°E (乐平市 in the south-west, 浮梁县 to the north-east).
    for (const f of register) {
      expect(f.lat).toBeGreaterThan(28.65);
      expect(f.lat).toBeLessThan(29.9);
      expect(f.lng).toBeGreaterThan(116.85);
      expect(f.lng).toBeLessThan(117.7);
    }
    const byTownship = Map.groupBy(register, (f) => f.townshipCode ?? '');
    for (const members of byTownship.values()) {
      const first = members[0];
      if (!first) continue;
      for (const f of members) expect(haversineKm(first, f)).toBeLessThan(10);
    }
  });
});
