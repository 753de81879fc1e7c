import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export const regionLevel = z.enum(['province', 'city', 'county', 'township']);
export type RegionLevel = z.infer<typeof regionLevel>;

/** Digits per level of the statistical code: 36 → 3602 → 360203 → 360203006. */
const codeLength: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9 };

export const region = z
  .object({
    code: z.string().regex(/^\d+$/),
    name: z.string().min(1),
    level: regionLevel,
    parentCode: z.string().regex(/^\d+$/).nullable(),
  })
  .refine((r) => r.code.length === codeLength[r.level], { message: 'code length does not match level' });
export type Region = z.infer<typeof region>;

/** 村委会/居委会 rows; kept apart from Region because the tree stops at township level. */
export const village = z.object({
  code: z.string().regex(/^\d{12}$/),
  name: z.string().min(1),
  townshipCode: z.string().regex(/^\d{9}$/),
  countyCode: z.string().regex(/^\d{6}$/),
});
export type Village = z.infer<typeof village>;

function readCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
}

/** Parses data/jingdezhen_divisions.csv (level,code,name,parent_code,county_code,province_code). */
export function parseDivisionsCsv(text: string): Region[] {
  return readCsv(text).map((row, index) => {
    const parsed = region.safeParse({
      code: row.code,
      name: row.name,
      level: row.level,
      parentCode: row.parent_code ? row.parent_code : null,
    });
    // Line numbers in the message because the file is maintained by hand-run scripts and breaks in obvious ways.
    if (!parsed.success) throw new Error(`divisions CSV line ${index + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
}

/** Parses data/jingdezhen_villages.csv (code,name,township_code,county_code). */
export function parseVillagesCsv(text: string): Village[] {
  return readCsv(text).map((row, index) => {
    const parsed = village.safeParse({
      code: row.code,
      name: row.name,
      townshipCode: row.township_code,
      countyCode: row.county_code,
    });
    if (!parsed.success) throw new Error(`villages CSV line ${index + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
}

export interface RegionTree {
  readonly roots: readonly Region[];
  get(code: string): Region | undefined;
  children(code: string): readonly Region[];
  /** Province first, ending with the region itself; empty for an unknown code. */
  regionPath(code: string): Region[];
  /** Every code below the region (not the region itself), depth first in file order. */
  descendantCodes(code: string): string[];
  /** The county-level unit containing (or equal to) the region; null above county level or when unknown. */
  countyOf(code: string): Region | null;
  /** '浮梁县' for a township of 浮梁县 — what a citizen needs next to a township name to place it. */
  countyName(code: string): string | null;
}

export function buildRegionTree(regions: readonly Region[]): RegionTree {
  const byCode = new Map<string, Region>();
  for (const r of regions) {
    if (byCode.has(r.code)) throw new Error(`duplicate region code ${r.code}`);
    byCode.set(r.code, r);
  }
  const childrenOf = new Map<string, Region[]>();
  const roots: Region[] = [];
  for (const r of regions) {
    if (r.parentCode === null) {
      roots.push(r);
      continue;
    }
    // A dangling parent would silently drop a whole branch from search filters, so fail loudly instead.
    if (!byCode.has(r.parentCode)) throw new Error(`region ${r.code} ${r.name}: unknown parent ${r.parentCode}`);
    const siblings = childrenOf.get(r.parentCode) ?? [];
    siblings.push(r);
    childrenOf.set(r.parentCode, siblings);
  }

  const regionPath = (code: string): Region[] => {
    const path: Region[] = [];
    const seen = new Set<string>();
    let current = byCode.get(code);
    while (current && !seen.has(current.code)) {
      seen.add(current.code);
      path.unshift(current);
      current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
    }
    return path;
  };

  const descendantCodes = (code: string): string[] => {
    const out: string[] = [];
    const visit = (parent: string) => {
      for (const child of childrenOf.get(parent) ?? []) {
        out.push(child.code);
        visit(child.code);
      }
    };
    visit(code);
    return out;
  };

  const countyOf = (code: string): Region | null => regionPath(code).find((r) => r.level === 'county') ?? null;

  return {
    roots,
    get: (code) => byCode.get(code),
    children: (code) => childrenOf.get(code) ?? [],
    regionPath,
    descendantCodes,
    countyOf,
    countyName: (code) => countyOf(code)?.name ?? null,
  };
}
