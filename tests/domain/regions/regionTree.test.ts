import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildRegionTree, parseDivisionsCsv, parseVillagesCsv, region } from '../../../src/domain/regions/regionTree.ts';

const divisionsCsv = readFileSync(new URL('../../../data/jingdezhen_divisions.csv', import.meta.url), 'utf8');
const villagesCsv = readFileSync(new URL('../../../data/jingdezhen_villages.csv', import.meta.url), 'utf8');
const regions = parseDivisionsCsv(divisionsCsv);
const tree = buildRegionTree(regions);

describe('parseDivisionsCsv', () => {
  test('returns the province, the city, 4 counties and 59 townships of 景德镇市', () => {
    const count = (level: string) => regions.filter((r) => r.level === level).length;
    expect([count('province'), count('city'), count('county'), count('township')]).toEqual([1, 1, 4, 59]);
    for (const r of regions) expect(region.safeParse(r).success).toBe(true);
  });

  test('returns a null parent for the province and the county as parent of a township', () => {
    expect(regions.find((r) => r.code === '36')).toEqual({ code: '36', name: '江西省', level: 'province', parentCode: null });
    expect(regions.find((r) => r.code === '360222105')).toEqual({
      code: '360222105',
      name: '瑶里镇',
      level: 'township',
      parentCode: '360222',
    });
  });

  test('throws with the line number when a code does not fit its level', () => {
    const broken = 'level,code,name,parent_code,county_code,province_code\nprovince,36,江西省,,,36\ncounty,3602,景德镇市,36,,36\n';
    expect(() => parseDivisionsCsv(broken)).toThrow(/line 3/);
  });
});

describe('parseVillagesCsv', () => {
  test('returns all 718 村委会/居委会 with their township', () => {
    const villages = parseVillagesCsv(villagesCsv);
    expect(villages).toHaveLength(718);
    expect(villages.find((v) => v.name === '白石塔村委会')).toMatchObject({ townshipCode: '360222105', countyCode: '360222' });
  });
});

describe('buildRegionTree', () => {
  test('returns 江西省 as the only root and the 4 counties under 景德镇市', () => {
    expect(tree.roots.map((r) => r.name)).toEqual(['江西省']);
    expect(tree.children('3602').map((r) => r.name)).toEqual(['昌江区', '珠山区', '浮梁县', '乐平市']);
  });

  test('throws when a region points at a parent that does not exist', () => {
    expect(() => buildRegionTree([{ code: '360203', name: '珠山区', level: 'county', parentCode: '3602' }])).toThrow(/unknown parent/);
  });
});

describe('regionPath', () => {
  test('returns province → city → county → township for a township', () => {
    expect(tree.regionPath('360203006').map((r) => r.name)).toEqual(['江西省', '景德镇市', '珠山区', '新村街道']);
  });

  test('returns an empty path when the code is unknown', () => {
    expect(tree.regionPath('999999')).toEqual([]);
  });
});

describe('descendantCodes', () => {
  test('returns every county and township of the city but not the city itself', () => {
    const codes = tree.descendantCodes('3602');
    expect(codes).toHaveLength(63);
    expect(codes).not.toContain('3602');
    expect(codes).toContain('360281114');
  });

  test('returns the 18 townships of 浮梁县 when asked for the county', () => {
    expect(tree.descendantCodes('360222')).toHaveLength(18);
  });

  test('returns nothing when the region is a township', () => {
    expect(tree.descendantCodes('360222105')).toEqual([]);
  });
});

describe('countyOf', () => {
  test('returns 乐平市 when given one of its towns', () => {
    expect(tree.countyOf('360281107')?.name).toBe('乐平市');
  });

  test('returns the county itself when given a county', () => {
    expect(tree.countyOf('360203')?.code).toBe('360203');
  });

  test('returns null when the region is above county level or unknown', () => {
    expect(tree.countyOf('3602')).toBeNull();
    expect(tree.countyOf('123')).toBeNull();
  });
});

describe('countyName', () => {
  test('returns the county a citizen needs to tell two townships apart', () => {
    // 昌江街道 lies in 珠山区, not in 昌江区 — exactly the confusion the county name prevents.
    expect(tree.countyName('360203005')).toBe('珠山区');
    expect(tree.countyName('360222105')).toBe('浮梁县');
  });
});
