import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emlCatalogueFromCsv, parseEmlCsv } from '../../../src/domain/drugs/emlCatalogue.ts';

const dataDir = join(import.meta.dirname, '../../../data');
const varieties = emlCatalogueFromCsv(readFileSync(join(dataDir, 'eml2026_varieties.repaired.csv'), 'utf8'));
const byId = (id: string) => {
  const v = varieties.find((x) => x.id === id);
  if (!v) throw new Error(`no ${id}`);
  return v;
};

describe('emlCatalogueFromCsv', () => {
  test('gives 794 varieties: 476 chemical and 318 tcm, ids from the code suffix', () => {
    expect(varieties).toHaveLength(794);
    expect(varieties.filter((v) => v.kind === 'chemical')).toHaveLength(476);
    expect(varieties.filter((v) => v.kind === 'tcm')).toHaveLength(318);
    expect(byId('W078')).toMatchObject({ genericName: '布洛芬', emlNumber: 78, englishName: 'Ibuprofen', isEssential: true });
    expect(byId('T001')).toMatchObject({ genericName: '九味羌活丸（颗粒）', kind: 'tcm', englishName: null, therapeuticGroup: '辛温解表' });
  });

  test('merges the 22 cross-listings into alsoListedIn instead of making new varieties', () => {
    expect(new Set(varieties.map((v) => v.id)).size).toBe(794);
    expect(varieties.reduce((n, v) => n + v.alsoListedIn.length, 0)).toBe(22);
    expect(byId('W020').alsoListedIn).toEqual([
      { category: '二十一、皮肤科用药', subcategory: '（一）抗感染药' },
      { category: '二十二、眼科用药', subcategory: '（一）抗感染药' },
    ]);
  });

  test('adds forms that only a cross-listing names, and says where in formsText', () => {
    const erythromycin = byId('W020');
    expect(erythromycin.forms.map((f) => f.form)).toContain('眼膏剂');
    expect(erythromycin.formsText).toContain('〔二十二、眼科用药〕眼膏剂：0.5%');
    // 红金消结's cross-listing repeats its own forms, so nothing is appended.
    expect(byId('T144').formsText).not.toContain('〔');
  });

  test('uses the repaired names and English names', () => {
    expect(byId('W039')).toMatchObject({ genericName: '两性霉素B', englishName: 'Amphotericin B' });
    expect(byId('W276')).toMatchObject({ genericName: '维生素B12', englishName: 'Vitamin B12' });
    expect(byId('W345').genericName).toBe('碳酸钙D3');
    expect(byId('W007').englishName).toBe('Amoxicillin and Clavulanate Potassium');
  });

  test('leaves no line break or spaced decimal in any text', () => {
    const texts = varieties.flatMap((v) => [v.genericName, v.englishName ?? '', v.formsText, v.notes ?? '', ...v.forms.flatMap((f) => [f.form, ...f.strengths])]);
    for (const text of texts) expect(text).not.toMatch(/\n|\d\. \d/);
  });

  test('reads △ as specialistOnly and keeps form-specific remarks as notes', () => {
    expect(byId('W013').specialistOnly).toBe(true);
    expect(byId('W013').notes).toBeNull();
    expect(byId('W139')).toMatchObject({ specialistOnly: true, notes: '注射液△' });
    expect(byId('W078').specialistOnly).toBe(false);
    expect(byId('W387').notes).toBe('△ 仅适用于「十五、抗肿瘤药」所列剂型');
  });

  test('parses forms from the repaired text', () => {
    expect(byId('W003').forms).toEqual([
      { form: '片剂', strengths: ['0.25g'] },
      { form: '胶囊', strengths: ['0.25g'] },
      { form: '注射用无菌粉末', strengths: ['0.5g', '1.0g', '2.0g'] },
    ]);
    expect(byId('W003').formsText).toBe('片剂、胶囊：0.25g；注射用无菌粉末：0.5g、1.0g、2.0g');
  });
});

describe('parseEmlCsv', () => {
  test('refuses the unrepaired transcription', () => {
    expect(() => parseEmlCsv(readFileSync(join(dataDir, 'eml2026_varieties.csv'), 'utf8'))).toThrow(/not repaired/);
  });
});
