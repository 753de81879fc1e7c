import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { checkEmlCounts, leftOverDamage, repairEmlRows } from '../../../src/domain/drugs/emlRepair.ts';
import { applyTextRule, EML_COLUMNS, type EmlRow, TEXT_RULES } from '../../../src/domain/drugs/emlRepairRules.ts';

const dataDir = join(import.meta.dirname, '../../../data');
const readRows = (file: string): EmlRow[] => parse(readFileSync(join(dataDir, file), 'utf8'), { columns: true });
const raw = readRows('eml2026_varieties.csv');
const repaired = repairEmlRows(raw);
const byCode = (code: string) => repaired.rows.find((r) => r['药品编码'] === `MED-2026-${code}`);

/** Runs all rules that apply to a column on one value, as the repair does. */
function repairText(column: (typeof EML_COLUMNS)[number], text: string): string {
  return TEXT_RULES.filter((r) => r.columns.includes(column)).reduce((t, rule) => applyTextRule(rule, t).text, text);
}

describe('TEXT_RULES', () => {
  test('close the space after a decimal point and around ratio colons', () => {
    expect(repairText('收录剂型与规格', '注射液： 1ml ∶0. 1g（ 10 万单位）')).toBe('注射液：1ml∶0.1g（10万单位）');
  });

  test('keep a space between two Latin or numeric words', () => {
    expect(repairText('收录剂型与规格', '与维生素 D3 125 国际单位')).toBe('与维生素D3 125国际单位');
  });

  test('rejoin Chinese words broken by a line break or a space', () => {
    expect(repairText('药品通用名', '复方黄柏液涂剂（复\n方黄柏液）')).toBe('复方黄柏液涂剂（复方黄柏液）');
    expect(repairText('药品通用名', '复方磺胺甲噁（ 恶）唑')).toBe('复方磺胺甲噁（恶）唑');
    expect(repairText('药品通用名', '中/ 长链脂肪乳')).toBe('中/长链脂肪乳');
  });

  test('insert the lost ； where a strength runs into the next dosage form, but not before a salt of the same group', () => {
    expect(repairText('收录剂型与规格', '注射液：2ml ∶0. 1mg贴剂')).toBe('注射液：2ml∶0.1mg；贴剂');
    expect(repairText('收录剂型与规格', '（盐酸盐）片剂：0.25g 、0.5g （乳酸盐）氯化钠注射液：100ml ∶0.2g')).toBe(
      '（盐酸盐）片剂：0.25g、0.5g；（乳酸盐）氯化钠注射液：100ml∶0.2g',
    );
    expect(repairText('收录剂型与规格', '（钾盐）注射用无菌粉末：0.25g')).toBe('（钾盐）注射用无菌粉末：0.25g');
  });

  test('join a line-broken English name with one space and split words run together', () => {
    expect(repairText('英文名称(INN)', 'Amoxicillin and\nClavulanate Potassium')).toBe('Amoxicillin and Clavulanate Potassium');
    expect(repairText('英文名称(INN)', 'HuperzineA')).toBe('Huperzine A');
  });
});

describe('repairEmlRows on the transcription', () => {
  test('reports no problems and leaves no damage behind', () => {
    expect(repaired.problems).toEqual([]);
    expect(leftOverDamage(repaired.rows)).toEqual([]);
  });

  test('moves Latin suffixes back into split names and fixes their 拼音简码', () => {
    expect(byCode('W039')).toMatchObject({ 药品通用名: '两性霉素B', '英文名称(INN)': 'Amphotericin B', 拼音简码: 'LXMSB' });
    expect(byCode('W276')).toMatchObject({ 药品通用名: '维生素B12', '英文名称(INN)': 'Vitamin B12', 拼音简码: 'WSSB12' });
    expect(byCode('W345')).toMatchObject({ 药品通用名: '碳酸钙D3', '英文名称(INN)': 'Calcium Carbonate and Vitamin D3', 拼音简码: 'TSGD3' });
    expect(byCode('W402')?.['药品通用名']).toBe('维生素C');
  });

  test('leaves no line break or spaced decimal in any field', () => {
    for (const row of repaired.rows) {
      for (const column of EML_COLUMNS) {
        expect(row[column]).not.toMatch(/\n|\d\. \d/);
      }
    }
  });

  test('keeps the list arithmetic: 794 numbered varieties = 476 西药 + 318 中成药, and 22 cross-listings', () => {
    expect(checkEmlCounts(repaired.rows)).toEqual({ numbered: 794, chemical: 476, tcm: 318, crossListings: 22, problems: [] });
  });

  test('matches the repaired file in data/, so the committed output is up to date', () => {
    expect(readRows('eml2026_varieties.repaired.csv')).toEqual(repaired.rows);
  });
});

describe('checkEmlCounts', () => {
  test('names a missing variety', () => {
    const counts = checkEmlCounts(repaired.rows.filter((r) => r['药品编码'] !== 'MED-2026-W078'));
    expect(counts.problems).toContain('numbered varieties: 793, expected 794');
    expect(counts.problems).toContain('西药: 475, expected 476');
  });
});
