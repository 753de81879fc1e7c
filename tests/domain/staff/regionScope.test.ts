import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildRegionTree, parseDivisionsCsv } from '../../../src/domain/regions/regionTree.ts';
import { canActOn, canActOnKnownRegion, regionPrefixRange, regionsInScope } from '../../../src/domain/staff/regionScope.ts';

const tree = buildRegionTree(parseDivisionsCsv(readFileSync(new URL('../../../data/jingdezhen_divisions.csv', import.meta.url), 'utf8')));
const 珠山区 = '360203';
const 昌江区 = '360202';
const 景德镇市 = '3602';
const 江西省 = '36';

describe('canActOn', () => {
  test('returns true for the account’s own county and its townships', () => {
    expect(canActOn(珠山区, 珠山区)).toBe(true);
    const township = tree.children(珠山区)[0]?.code ?? '';
    expect(township).toMatch(/^360203\d{3}$/);
    expect(canActOn(珠山区, township)).toBe(true);
  });

  test('returns false for a neighbouring county and for the county’s own city and province', () => {
    expect(canActOn(珠山区, 昌江区)).toBe(false);
    expect(canActOn(珠山区, 景德镇市)).toBe(false);
    expect(canActOn(珠山区, 江西省)).toBe(false);
  });

  test('returns false for a township of the neighbouring county', () => {
    const township = tree.children(昌江区)[0]?.code ?? '';
    expect(canActOn(珠山区, township)).toBe(false);
  });

  test('returns true for a city account on all four of its counties and a province account on the city', () => {
    for (const county of tree.children(景德镇市)) expect(canActOn(景德镇市, county.code)).toBe(true);
    expect(canActOn(江西省, 景德镇市)).toBe(true);
  });

  test('returns false for another city even when its code shares digits', () => {
    expect(canActOn(景德镇市, '3601')).toBe(false);
    expect(canActOn(景德镇市, '360102')).toBe(false);
  });

  test('returns false when the account’s own region is empty, padded or not digits', () => {
    expect(canActOn('', 珠山区)).toBe(false);
    expect(canActOn('360200', '360202')).toBe(false);
    expect(canActOn('36%', '3602')).toBe(false);
    expect(canActOn(景德镇市, '')).toBe(false);
  });
});

describe('canActOnKnownRegion', () => {
  test('returns false for a code below the account’s region that is not in the tree', () => {
    expect(canActOnKnownRegion(tree, 景德镇市, '360299')).toBe(false);
    expect(canActOnKnownRegion(tree, 景德镇市, '360222')).toBe(true);
  });
});

describe('regionsInScope', () => {
  test('returns the county first, then only its own townships', () => {
    const codes = regionsInScope(tree, 珠山区);
    expect(codes[0]).toBe(珠山区);
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.every((c) => c.startsWith(珠山区))).toBe(true);
  });

  test('returns nothing for a region the tree does not know', () => {
    expect(regionsInScope(tree, '4401')).toEqual([]);
  });
});

describe('regionPrefixRange', () => {
  test('returns a range containing the region and its descendants but not the next county', () => {
    const { from, before } = regionPrefixRange(昌江区);
    const inRange = (code: string) => code >= from && code < before;
    expect(inRange(昌江区)).toBe(true);
    expect(inRange('360202100')).toBe(true);
    expect(inRange(珠山区)).toBe(false);
    expect(inRange(景德镇市)).toBe(false);
  });
});
