import { AliasFileError, parseAliasCsv } from './aliasFile.ts';
import { drugPinyin } from './drugPinyin.ts';
import { type DrugAlias, type DrugVariety, drugVariety } from './drugVariety.ts';
import { emlCatalogueFromCsv } from './emlCatalogue.ts';
import { type OriginatorReport, originatorAliases } from './originatorBrands.ts';

export interface CatalogueSources {
  /** data/eml2026_varieties.repaired.csv */
  emlCsv: string;
  /** data/drug-aliases.csv */
  aliasCsv: string;
  /** data/originator_drugs_brand_names.csv */
  originatorCsv: string;
}

export interface CatalogueBuild {
  varieties: DrugVariety[];
  curatedAliases: number;
  originator: OriginatorReport;
  /** Originator aliases left out because the curated file already has the name (same or other drug). */
  originatorSkipped: { drugId: string; name: string; why: string }[];
}

const key = (name: string) => name.normalize('NFKC').toLowerCase();

/** Curated names must point at one drug and must not be another drug's generic name. */
function checkCurated(rows: ReturnType<typeof parseAliasCsv>, varieties: readonly DrugVariety[]): void {
  const problems: string[] = [];
  const byName = new Map<string, { drugId: string; line: number }>();
  const generic = new Map(varieties.map((v) => [key(v.genericName), v]));
  for (const row of rows) {
    const other = byName.get(key(row.alias.name));
    if (other && other.drugId !== row.drugId) {
      problems.push(`第 ${row.line} 行 alias：「${row.alias.name}」已在第 ${other.line} 行指向 ${other.drugId} / already names ${other.drugId} on line ${other.line}`);
    }
    byName.set(key(row.alias.name), { drugId: row.drugId, line: row.line });
    const named = generic.get(key(row.alias.name));
    if (named && named.id !== row.drugId) {
      problems.push(`第 ${row.line} 行 alias：「${row.alias.name}」是 ${named.id} 的通用名 / is the generic name of ${named.id}`);
    }
  }
  if (problems.length > 0) throw new AliasFileError(problems);
}

/**
 * The catalogue as the portal stores it: EML varieties with curated aliases first, then originator
 * brand names the curated file does not already give, and pinyin of the generic name. Every variety is
 * checked against the drugVariety schema, so a bad source file fails the build rather than a page.
 */
export function buildCatalogue(sources: CatalogueSources): CatalogueBuild {
  const eml = emlCatalogueFromCsv(sources.emlCsv);
  const curated = parseAliasCsv(sources.aliasCsv, new Set(eml.map((v) => v.id)));
  checkCurated(curated, eml);
  const originator = originatorAliases(sources.originatorCsv, eml);
  const curatedOwner = new Map(curated.map((r) => [key(r.alias.name), r.drugId]));
  const aliasesOf = new Map<string, DrugAlias[]>();
  const add = (drugId: string, alias: DrugAlias) => aliasesOf.set(drugId, [...(aliasesOf.get(drugId) ?? []), alias]);
  for (const row of curated) add(row.drugId, row.alias);
  const originatorSkipped: CatalogueBuild['originatorSkipped'] = [];
  for (const { drugId, alias } of originator.aliases) {
    const owner = curatedOwner.get(key(alias.name));
    if (owner === undefined) add(drugId, alias);
    else originatorSkipped.push({ drugId, name: alias.name, why: owner === drugId ? 'also in drug-aliases.csv' : `drug-aliases.csv gives it to ${owner}` });
  }
  const varieties = eml.map((v) => {
    const own = new Set([v.genericName, v.englishName ?? ''].map(key));
    const pinyin = drugPinyin(v.genericName);
    return drugVariety.parse({
      ...v,
      pinyinFull: pinyin.full,
      pinyinInitials: pinyin.initials,
      aliases: (aliasesOf.get(v.id) ?? []).filter((a) => !own.has(key(a.name))),
    });
  });
  return { varieties, curatedAliases: curated.length, originator, originatorSkipped };
}
