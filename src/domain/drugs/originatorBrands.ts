import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { DrugAlias, DrugVariety } from './drugVariety.ts';

/** The attribution CC-BY-SA-4.0 requires on every alias taken from the file. */
export const ORIGINATOR_SOURCE = '原研药清单 dongzhenye/yuanyanyao (CC-BY-SA-4.0), commit a348f546';

const originatorRow = z.object({
  id: z.string().min(1),
  genericName: z.string().min(1),
  brandName: z.string(),
  brandNameEn: z.string(),
});
type OriginatorRow = z.infer<typeof originatorRow>;
type BrandField = 'brandName' | 'brandNameEn';

/**
 * Rows checked by hand and found wrong. The file's brand names are unreliable (SOURCES.md); these
 * would have put a wrong name on a catalogue variety. Fields listed are dropped; 'row' drops both.
 */
export const REJECTED_ORIGINATOR_ROWS: Readonly<Record<string, { fields: BrandField[] | 'row'; why: string }>> = {
  '5': { fields: ['brandName'], why: '安博诺 is irbesartan + hydrochlorothiazide; irbesartan alone is 安博维' },
  '11': { fields: ['brandName'], why: '恩格卡 is not the Chinese brand of Jardiance (欧唐静)' },
  '34': { fields: ['brandName'], why: '复代文 is valsartan + hydrochlorothiazide, not terazosin' },
  '39': { fields: ['brandName'], why: '欧唐静 is empagliflozin (Jardiance); linagliptin (Trajenta) is 欧唐宁' },
  '77': { fields: 'row', why: 'contradicts row 3: 替诺福韦 with Vemlidy / "Tenofovir Alafenamide", which is 丙酚替诺福韦' },
  '87': { fields: ['brandName'], why: '新胃美 is not the Chinese brand of Nexium (耐信, row 85)' },
  '89': { fields: ['brandName'], why: 'Pariet is sold in China as 波利特; 瑞波特 could not be confirmed' },
};

/** Chinese names of the same INN spelt differently in the file and the EML (the English product names agree). */
export const GENERIC_SYNONYMS: Readonly<Record<string, string>> = {
  索马鲁肽: '司美格鲁肽', // Semaglutide
  泰诺福韦艾拉酚胺: '丙酚替诺福韦', // Tenofovir Alafenamide
  埃索美拉唑: '艾司奥美拉唑', // Esomeprazole
};

const SALT_PREFIX = /^(盐酸|硫酸|磷酸|马来酸|富马酸|枸橼酸|甲磺酸|苯磺酸|琥珀酸|酒石酸|醋酸|乳酸|氢溴酸)/;
const SALT_SUFFIX = /(二吡呋酯|乙醇胺|叔丁胺|钠|钾|钙|镁|酯)$/;

/** 磷酸奥司他韦 → 奥司他韦, 达比加群酯 → 达比加群; a name that is all salt (硫酸镁, 枸橼酸铋钾) stays whole. */
export function withoutSalt(name: string): string {
  const whole = name.replace(/[/／]/g, '');
  const core = whole.replace(SALT_PREFIX, '').replace(SALT_SUFFIX, '');
  return [...core].length >= 2 ? core : whole;
}

export interface OriginatorAlias {
  drugId: string;
  alias: DrugAlias;
  originatorId: string;
}

export interface OriginatorReport {
  aliases: OriginatorAlias[];
  /** catalogue id → originator row ids matched to it */
  matched: Map<string, string[]>;
  unmatchedGenerics: string[];
  rejected: { originatorId: string; name: string; why: string }[];
}

function catalogueIndex(varieties: readonly Pick<DrugVariety, 'id' | 'genericName'>[]) {
  const exact = new Map(varieties.map((v) => [v.genericName, v.id]));
  const stripped = new Map<string, string | null>();
  for (const v of varieties) {
    const key = withoutSalt(v.genericName);
    stripped.set(key, stripped.has(key) && stripped.get(key) !== v.id ? null : v.id);
  }
  return (generic: string): string | undefined => {
    const name = GENERIC_SYNONYMS[generic.replace(/[/／]/g, '')] ?? generic.replace(/[/／]/g, '');
    return exact.get(name) ?? stripped.get(withoutSalt(name)) ?? undefined;
  };
}

/** Brand aliases for catalogue varieties, with every row that was left out and why. */
export function originatorAliases(csvText: string, varieties: readonly Pick<DrugVariety, 'id' | 'genericName'>[]): OriginatorReport {
  const rows: OriginatorRow[] = (parse(csvText, { columns: true, skip_empty_lines: true, trim: true }) as unknown[]).map((r) => originatorRow.parse(r));
  const lookup = catalogueIndex(varieties);
  // 通心络 (given as a brand of labetalol) is the catalogue's 通心络胶囊: a Chinese brand found inside a
  // catalogue name would send a search for that medicine to the wrong drug.
  const varietyNamed = (brand: string) =>
    varieties.find((v) => v.genericName === brand || (/\p{Script=Han}/u.test(brand) && v.genericName.includes(brand)));
  const rejected: OriginatorReport['rejected'] = [];
  const matched = new Map<string, string[]>();
  const unmatched = new Set<string>();
  const candidates: (OriginatorAlias & { field: BrandField; target: string })[] = [];
  for (const row of rows) {
    const drugId = lookup(row.genericName);
    if (drugId) matched.set(drugId, [...(matched.get(drugId) ?? []), row.id]);
    else unmatched.add(row.genericName);
    for (const field of ['brandName', 'brandNameEn'] as const) {
      const name = row[field];
      if (name === '') continue;
      const rejection = REJECTED_ORIGINATOR_ROWS[row.id];
      if (rejection && (rejection.fields === 'row' || rejection.fields.includes(field))) {
        if (drugId) rejected.push({ originatorId: row.id, name, why: rejection.why });
        continue;
      }
      const clash = varietyNamed(name);
      if (clash) {
        rejected.push({ originatorId: row.id, name, why: `${name} names the catalogue's ${clash.genericName} (${clash.id})` });
        continue;
      }
      const target = drugId ?? `unmatched:${withoutSalt(row.genericName)}`;
      candidates.push({ drugId: drugId ?? '', alias: { name, kind: 'brand', source: ORIGINATOR_SOURCE }, originatorId: row.id, field, target });
    }
  }
  // A name given to two different drugs, or two names given to one drug in the same field, cannot be trusted.
  const targetsOf = new Map<string, Set<string>>();
  const namesOf = new Map<string, Set<string>>();
  for (const c of candidates) {
    targetsOf.set(c.alias.name, (targetsOf.get(c.alias.name) ?? new Set()).add(c.target));
    namesOf.set(`${c.target}|${c.field}`, (namesOf.get(`${c.target}|${c.field}`) ?? new Set()).add(c.alias.name));
  }
  const aliases: OriginatorAlias[] = [];
  for (const c of candidates) {
    if (!c.drugId) continue;
    const why =
      (targetsOf.get(c.alias.name)?.size ?? 0) > 1
        ? `${c.alias.name} is given to more than one generic name in the file`
        : (namesOf.get(`${c.target}|${c.field}`)?.size ?? 0) > 1
          ? `rows for the same drug disagree on ${c.field}`
          : undefined;
    if (why) rejected.push({ originatorId: c.originatorId, name: c.alias.name, why });
    else if (!aliases.some((a) => a.drugId === c.drugId && a.alias.name === c.alias.name)) {
      aliases.push({ drugId: c.drugId, alias: c.alias, originatorId: c.originatorId });
    }
  }
  return { aliases, matched, unmatchedGenerics: [...unmatched], rejected };
}
