import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AliasFileError } from '../../../src/domain/drugs/aliasFile.ts';
import { buildCatalogue, type CatalogueSources } from '../../../src/domain/drugs/buildCatalogue.ts';
import { drugVariety } from '../../../src/domain/drugs/drugVariety.ts';
import { ORIGINATOR_SOURCE } from '../../../src/domain/drugs/originatorBrands.ts';
import { loadCatalogueFromDataDir } from '../../../src/server/catalogueFiles.ts';

const dataDir = join(import.meta.dirname, '../../../data');
const read = (f: string) => readFileSync(join(dataDir, f), 'utf8');
const sources: CatalogueSources = {
  emlCsv: read('eml2026_varieties.repaired.csv'),
  aliasCsv: read('drug-aliases.csv'),
  originatorCsv: read('originator_drugs_brand_names.csv'),
};
const built = buildCatalogue(sources);
const byId = (id: string) => {
  const v = built.varieties.find((x) => x.id === id);
  if (!v) throw new Error(`no ${id}`);
  return v;
};

describe('buildCatalogue', () => {
  test('gives 794 varieties that all satisfy the drugVariety schema', () => {
    expect(built.varieties).toHaveLength(794);
    for (const v of built.varieties) expect(drugVariety.safeParse(v).success).toBe(true);
  });

  test('fills pinyin of the generic name', () => {
    expect(byId('W078')).toMatchObject({ pinyinFull: 'buluofen', pinyinInitials: 'blf' });
    expect(byId('T044')).toMatchObject({ pinyinFull: 'shenmaizhusheye', pinyinInitials: 'smzsy' });
  });

  test('puts curated aliases first and adds originator brands with their attribution', () => {
    expect(byId('W078').aliases.map((a) => a.name)).toEqual(['芬必得', '美林']);
    const oseltamivir = byId('W044').aliases;
    expect(oseltamivir.filter((a) => a.name === '达菲')).toHaveLength(1);
    expect(oseltamivir.find((a) => a.name === 'Tamiflu')?.source).toBe(ORIGINATOR_SOURCE);
    expect(built.originatorSkipped).toContainEqual({ drugId: 'W044', name: '达菲', why: 'also in drug-aliases.csv' });
  });

  test('never attaches a name the checks rejected', () => {
    expect(byId('W188').aliases.map((a) => a.name)).not.toContain('通心络');
    expect(byId('W329').aliases.map((a) => a.name)).not.toContain('欧唐静');
    expect(byId('W323').aliases.map((a) => a.name)).toContain('欧唐静');
  });

  test('lets the curated file win when it gives an originator brand to another drug', () => {
    const aliasCsv = 'drug_id,alias,kind,source,note\nW045,Tamiflu,brand,test,\n';
    const result = buildCatalogue({ ...sources, aliasCsv });
    expect(result.originatorSkipped).toContainEqual({ drugId: 'W044', name: 'Tamiflu', why: 'drug-aliases.csv gives it to W045' });
    expect(result.varieties.find((v) => v.id === 'W044')?.aliases.map((a) => a.name)).not.toContain('Tamiflu');
  });

  test('refuses a curated alias that is another drug’s generic name or names two drugs', () => {
    const aliasCsv = 'drug_id,alias,kind,source,note\nW078,对乙酰氨基酚,common,test,\nW001,退烧药,common,test,\nW002,退烧药,common,test,\n';
    expect(() => buildCatalogue({ ...sources, aliasCsv })).toThrow(AliasFileError);
    try {
      buildCatalogue({ ...sources, aliasCsv });
    } catch (e) {
      expect((e as AliasFileError).problems).toEqual([
        '第 2 行 alias：「对乙酰氨基酚」是 W076 的通用名 / is the generic name of W076',
        '第 4 行 alias：「退烧药」已在第 3 行指向 W001 / already names W001 on line 3',
      ]);
    }
  });
});

describe('loadCatalogueFromDataDir', () => {
  test('reads the three files from data/', () => {
    expect(loadCatalogueFromDataDir(dataDir)).toEqual(built.varieties);
  });
});
