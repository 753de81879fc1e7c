import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emlCatalogueFromCsv } from '../../../src/domain/drugs/emlCatalogue.ts';
import { ORIGINATOR_SOURCE, originatorAliases, withoutSalt } from '../../../src/domain/drugs/originatorBrands.ts';

const header = 'id,genericName,productName,productNameEn,brandName,brandNameEn';
const catalogue = [
  { id: 'W044', genericName: '奥司他韦' },
  { id: 'W297', genericName: '达比加群酯' },
  { id: 'W188', genericName: '拉贝洛尔' },
  { id: 'T130', genericName: '通心络胶囊' },
  { id: 'W322', genericName: '达格列净' },
];

describe('withoutSalt', () => {
  test('strips salt prefixes and suffixes but never to a single character', () => {
    expect(withoutSalt('磷酸奥司他韦')).toBe('奥司他韦');
    expect(withoutSalt('达比加群酯')).toBe('达比加群');
    expect(withoutSalt('左甲状腺素钠')).toBe('左甲状腺素');
    expect(withoutSalt('硫酸镁')).toBe('硫酸镁');
    expect(withoutSalt('茚达特罗/格隆溴铵')).toBe('茚达特罗格隆溴铵');
  });
});

describe('originatorAliases', () => {
  test('gives Chinese and English brands of catalogue drugs with the CC-BY-SA attribution', () => {
    const report = originatorAliases(`${header}\n1,奥司他韦,磷酸奥司他韦胶囊,x,达菲,Tamiflu\n2,利奈唑胺,利奈唑胺片,x,斯沃,Zyvox\n`, catalogue);
    expect(report.aliases).toEqual([
      { drugId: 'W044', alias: { name: '达菲', kind: 'brand', source: ORIGINATOR_SOURCE }, originatorId: '1' },
      { drugId: 'W044', alias: { name: 'Tamiflu', kind: 'brand', source: ORIGINATOR_SOURCE }, originatorId: '1' },
    ]);
    expect(ORIGINATOR_SOURCE).toContain('CC-BY-SA-4.0');
    expect(report.unmatchedGenerics).toEqual(['利奈唑胺']);
  });

  test('matches a generic name without its ester or salt', () => {
    const report = originatorAliases(`${header}\n84,达比加群,达比加群酯胶囊,x,泰毕全,Pradaxa\n`, catalogue);
    expect(report.matched.get('W297')).toEqual(['84']);
  });

  test('drops a brand that is the name of another catalogue medicine', () => {
    const report = originatorAliases(`${header}\n35,拉贝洛尔,拉贝洛尔片,x,通心络,Trandate\n`, catalogue);
    expect(report.aliases.map((a) => a.alias.name)).toEqual(['Trandate']);
    expect(report.rejected[0]?.why).toContain('通心络胶囊');
  });

  test('drops a brand the file gives to two different drugs', () => {
    const report = originatorAliases(`${header}\n12,达格列净,x,x,安达唐,Forxiga\n38,沙格列汀,x,x,安达唐,Onglyza\n`, catalogue);
    expect(report.aliases.map((a) => a.alias.name)).toEqual(['Forxiga']);
  });

  test('on the real file: matches 36 catalogue varieties and leaves out the rows checked as wrong', () => {
    const data = (f: string) => readFileSync(join(import.meta.dirname, '../../../data', f), 'utf8');
    const report = originatorAliases(data('originator_drugs_brand_names.csv'), emlCatalogueFromCsv(data('eml2026_varieties.repaired.csv')));
    expect(report.matched.size).toBe(36);
    const names = report.aliases.map((a) => a.alias.name);
    expect(names).toContain('格列卫');
    expect(names).not.toContain('通心络');
    expect(names).not.toContain('安博诺');
    expect(names).not.toContain('欧唐静');
  });
});

