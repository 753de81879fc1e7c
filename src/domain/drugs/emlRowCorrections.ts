import type { EmlColumn, EmlRow } from './emlRepairRules.ts';

/**
 * One-off corrections no general rule can make, keyed by 药品编码 and applied after the text rules.
 * Each names the exact value it expects to replace: if the source file changes, the script stops
 * instead of silently overwriting something else.
 */
export interface RowCorrection {
  why: string;
  fields: Partial<Record<EmlColumn, { from: string; to: string }>>;
}

/**
 * Latin suffixes of Chinese names (B12, D3…) landed at the start of the English column in the
 * transcription ("维生素" | "B12 Vitamin B12"). The 拼音简码 was then computed from the truncated name
 * (WSS for every vitamin); the source writes Latin parts of names into the code in place (维A酸 → WAS,
 * 复方氨基酸18AA → FFAJS18AA), so the suffix is appended.
 */
function splitName(base: string, suffix: string, english: string, code: string, why: string): RowCorrection {
  return {
    why,
    fields: {
      药品通用名: { from: base, to: base + suffix },
      '英文名称(INN)': { from: `${suffix} ${english}`, to: english },
      拼音简码: { from: code, to: code + suffix.toUpperCase() },
    },
  };
}

export const ROW_CORRECTIONS: Readonly<Record<string, RowCorrection>> = {
  // Amphotericin B for injection and liposome; "B" was split off to the English column.
  'MED-2026-W039': splitName('两性霉素', 'B', 'Amphotericin B', 'LXMS', 'name split: 两性霉素 | B'),
  // Injection 0.25 mg / 0.5 mg per ml: cyanocobalamin.
  'MED-2026-W276': splitName('维生素', 'B12', 'Vitamin B12', 'WSS', 'name split: 维生素 | B12'),
  // Injection 10 mg/ml in 促凝血药: phytomenadione.
  'MED-2026-W287': splitName('维生素', 'K1', 'Vitamin K1', 'WSS', 'name split: 维生素 | K1'),
  // Soft capsules 5000/10000 units and injection in 钙代谢调节药: ergocalciferol.
  'MED-2026-W344': splitName('维生素', 'D2', 'Vitamin D2', 'WSS', 'name split: 维生素 | D2'),
  // Tablets/granules of calcium carbonate with vitamin D3; the English name itself names D3.
  'MED-2026-W345': splitName('碳酸钙', 'D3', 'Calcium Carbonate and Vitamin D3', 'TSG', 'name split: 碳酸钙 | D3'),
  // Injection 50/100 mg per 2 ml in （一）维生素: thiamine.
  'MED-2026-W399': splitName('维生素', 'B1', 'Vitamin B1', 'WSS', 'name split: 维生素 | B1'),
  // Tablets 5/10 mg: riboflavin.
  'MED-2026-W400': splitName('维生素', 'B2', 'Vitamin B2', 'WSS', 'name split: 维生素 | B2'),
  // Tablets 10 mg, injection 50 mg/ml: pyridoxine.
  'MED-2026-W401': splitName('维生素', 'B6', 'Vitamin B6', 'WSS', 'name split: 维生素 | B6'),
  // Injection 0.5 g / 1 g: ascorbic acid.
  'MED-2026-W402': splitName('维生素', 'C', 'Vitamin C', 'WSS', 'name split: 维生素 | C'),
  'MED-2026-W050': {
    // The four interferon groups ran together: no "；" between them, and "∶" (ratio) where the
    // form/strength colon "：" belongs. The group headings name the product, so no rule can find them.
    why: 'interferon groups run together; ∶ used as the form colon',
    fields: {
      收录剂型与规格: {
        from: '人干扰素α1b注射液：10μg∶0.5ml、30μg∶1ml注射用人干扰素α1b∶10μg、30μg人干扰素α2a注射液、注射用人干扰素α2a∶300万IU、500万IU人干扰素α2b注射液、注射用人干扰素α2b∶300万IU、500万IU',
        to: '人干扰素α1b注射液：10μg∶0.5ml、30μg∶1ml；注射用人干扰素α1b：10μg、30μg；人干扰素α2a注射液、注射用人干扰素α2a：300万IU、500万IU；人干扰素α2b注射液、注射用人干扰素α2b：300万IU、500万IU',
      },
    },
  },
};

/**
 * Finds rows whose English column starts with a short Latin token that the English name also ends
 * with ("B12 Vitamin B12"): the signature of a Chinese name split across columns. Used to check that
 * ROW_CORRECTIONS covers every such row.
 */
export function looksLikeSplitName(row: EmlRow): boolean {
  const m = /^([A-Z][A-Z0-9]{0,2}|[A-Z]?\d{1,2}[A-Z]?) (.+)$/.exec(row['英文名称(INN)']);
  if (!m?.[1] || !m[2]) return false;
  return m[2].endsWith(` ${m[1]}`) || m[2].endsWith(m[1]);
}
