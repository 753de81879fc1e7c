import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emlCatalogueFromCsv } from '../../../src/domain/drugs/emlCatalogue.ts';
import { MAX_SUBSTITUTES, substitutesFor } from '../../../src/domain/drugs/substitutes.ts';

const all = emlCatalogueFromCsv(readFileSync(join(import.meta.dirname, '../../../data/eml2026_varieties.repaired.csv'), 'utf8'));
const byId = (id: string) => {
  const v = all.find((x) => x.id === id);
  if (!v) throw new Error(`no ${id}`);
  return v;
};

describe('substitutesFor', () => {
  test('lists other varieties of the same 二级分类 with the class as the reason', () => {
    const list = substitutesFor(byId('W078'), all);
    expect(list[0]).toEqual({ id: 'W076', genericName: '对乙酰氨基酚', reason: '同属「（二）解热镇痛、抗炎、抗风湿药」类基本药物' });
    expect(list.map((s) => s.genericName)).toContain('双氯芬酸钠');
    expect(list.map((s) => s.id)).not.toContain('W078');
    expect(list.length).toBeLessThanOrEqual(MAX_SUBSTITUTES);
  });

  test('for 中成药 also requires the same 功能主治/亚类', () => {
    const list = substitutesFor(byId('T001'), all);
    expect(list.map((s) => s.id)).toEqual(['T002', 'T003', 'T004']);
    expect(list[0]?.reason).toBe('同属「（一）解表剂·辛温解表」类基本药物');
  });

  test('adds the classes a variety is cross-listed in after its own', () => {
    const aspirin = substitutesFor(byId('W077'), all);
    expect(aspirin.some((s) => s.reason === '同属「（二）抗血小板药」类基本药物' && s.genericName === '氯吡格雷')).toBe(true);
  });

  test('gives each class a fair share of the eight, grouped by class', () => {
    const reasons = substitutesFor(byId('W077'), all).map((s) => s.reason);
    expect(reasons).toEqual([
      ...Array(4).fill('同属「（二）解热镇痛、抗炎、抗风湿药」类基本药物'),
      ...Array(4).fill('同属「（二）抗血小板药」类基本药物'),
    ]);
  });

  test('counts a cross-listed variety as a member of that class', () => {
    const antiplatelet = substitutesFor(byId('W282'), all);
    expect(antiplatelet.map((s) => s.genericName)).toContain('阿司匹林');
  });

  test('never suggests programme entries without dosage forms', () => {
    const list = substitutesFor(byId('W032'), all);
    expect(list.map((s) => s.genericName)).not.toContain('结核病用药');
    expect(substitutesFor(byId('W036'), all).map((s) => s.genericName)).not.toContain('结核病用药');
  });

  test('returns nothing when the class has no other member', () => {
    expect(substitutesFor(byId('W034'), all)).toEqual([]);
  });

  test('works on the siblings a store passes in', () => {
    const siblings = all.filter((v) => v.subcategory === '（一）青霉素类');
    expect(substitutesFor(byId('W006'), siblings)).toHaveLength(7);
  });
});
