import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { DrugVariety } from './drugVariety.ts';
import { mergeForms, parseForms } from './emlForms.ts';
import { leftOverDamage } from './emlRepair.ts';
import { EML_COLUMNS, type EmlRow } from './emlRepairRules.ts';

const emlRow = z.object({
  ...Object.fromEntries(EML_COLUMNS.map((c) => [c, z.string()])),
  序号: z.string().regex(/^(\d+|\*（\d+）)$/),
  药品编码: z.string().regex(/^MED-2026-[WT]\d{3}$/),
  药品类型: z.enum(['西药', '中成药']),
  '专科医师指导(△)': z.enum(['是', '否']),
  '跨分类重复(*)': z.enum(['是', '否']),
}) as unknown as z.ZodType<EmlRow>;

/** Parses the repaired CSV; refuses the raw transcription, whose names and numbers are still damaged. */
export function parseEmlCsv(text: string): EmlRow[] {
  const records: unknown[] = parse(text, { columns: true, skip_empty_lines: true });
  const rows = records.map((record, i) => {
    const result = emlRow.safeParse(record);
    if (!result.success) throw new Error(`EML CSV record ${i + 1}: ${result.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return result.data;
  });
  const damage = leftOverDamage(rows);
  if (damage.length > 0) throw new Error(`EML CSV is not repaired (run scripts/repair-eml.ts): ${damage.slice(0, 3).join('; ')}`);
  return rows;
}

const isCrossListing = (row: EmlRow) => row['序号'].startsWith('*');
const orNull = (s: string) => (s === '' ? null : s);

/** Cross-listings add forms the primary row lacks (红霉素 眼膏剂 under 眼科用药); a repeat adds nothing. */
function withCrossListedForms(primary: EmlRow, crosses: readonly EmlRow[]) {
  let forms = parseForms(primary['收录剂型与规格']);
  let formsText = primary['收录剂型与规格'];
  for (const cross of crosses) {
    const extra = parseForms(cross['收录剂型与规格']);
    const adds = extra.some((f) => !forms.some((g) => g.form === f.form && f.strengths.every((s) => g.strengths.includes(s))));
    if (!adds) continue;
    forms = mergeForms(forms, extra);
    formsText = `${formsText}；〔${cross['一级分类']}〕${cross['收录剂型与规格']}`;
  }
  return { forms, formsText };
}

function notesFor(primary: EmlRow, crosses: readonly EmlRow[]): string | null {
  const notes: string[] = [];
  const remark = primary['备注说明'];
  // A bare △ only repeats the 专科医师指导 column; "注射液△" says which form it applies to, so it stays.
  if (remark !== '' && remark !== '△') notes.push(remark);
  const listings = [primary, ...crosses];
  const flagged = listings.filter((r) => r['专科医师指导(△)'] === '是');
  if (flagged.length > 0 && flagged.length < listings.length) {
    notes.push(`△ 仅适用于${flagged.map((r) => `「${r['一级分类']}」`).join('、')}所列剂型`);
  }
  return notes.length > 0 ? notes.join('；') : null;
}

/**
 * Turns repaired EML rows into catalogue varieties: one per 药品编码, cross-listings merged into
 * alsoListedIn. Pinyin and aliases are left empty for buildCatalogue to fill.
 */
export function emlVarieties(rows: readonly EmlRow[]): DrugVariety[] {
  const crossesByCode = new Map<string, EmlRow[]>();
  for (const row of rows.filter(isCrossListing)) {
    crossesByCode.set(row['药品编码'], [...(crossesByCode.get(row['药品编码']) ?? []), row]);
  }
  const primaries = rows.filter((r) => !isCrossListing(r));
  const known = new Set(primaries.map((r) => r['药品编码']));
  for (const code of crossesByCode.keys()) if (!known.has(code)) throw new Error(`cross-listing of unknown variety ${code}`);
  return primaries.map((row) => {
    const crosses = crossesByCode.get(row['药品编码']) ?? [];
    const { forms, formsText } = withCrossListedForms(row, crosses);
    return {
      id: row['药品编码'].replace(/^MED-2026-/, ''),
      emlNumber: Number(row['序号']),
      kind: row['药品类型'] === '西药' ? 'chemical' : 'tcm',
      genericName: row['药品通用名'],
      englishName: orNull(row['英文名称(INN)']),
      category: row['一级分类'],
      subcategory: orNull(row['二级分类']),
      therapeuticGroup: orNull(row['功能主治/亚类']),
      alsoListedIn: crosses.map((c) => ({ category: c['一级分类'], subcategory: orNull(c['二级分类']) })),
      forms,
      formsText,
      specialistOnly: row['专科医师指导(△)'] === '是',
      notes: notesFor(row, crosses),
      isEssential: true,
      pinyinFull: '',
      pinyinInitials: '',
      aliases: [],
    } satisfies DrugVariety;
  });
}

export function emlCatalogueFromCsv(text: string): DrugVariety[] {
  return emlVarieties(parseEmlCsv(text));
}
