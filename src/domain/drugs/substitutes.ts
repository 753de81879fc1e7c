import type { DrugVariety } from './drugVariety.ts';

/**
 * Other essential medicines of the same class, for "if this one is out of stock, ask about these".
 * Same class is what the list says (二级分类, and for 中成药 also 功能主治/亚类); it is NOT a claim
 * that they are clinically interchangeable, and the caller must say so next to them.
 */
export interface Substitute {
  id: string;
  genericName: string;
  reason: string;
}

export const MAX_SUBSTITUTES = 8;

type Variety = Pick<DrugVariety, 'id' | 'kind' | 'genericName' | 'category' | 'subcategory' | 'therapeuticGroup' | 'alsoListedIn' | 'forms'>;

interface Listing {
  category: string;
  subcategory: string | null;
  /** Only the primary listing of a 中成药 carries it; cross-listings in the file have no 亚类 of their own here. */
  therapeuticGroup: string | null;
}

function listings(v: Variety): Listing[] {
  return [
    { category: v.category, subcategory: v.subcategory, therapeuticGroup: v.kind === 'tcm' ? v.therapeuticGroup : null },
    ...v.alsoListedIn.map((l) => ({ ...l, therapeuticGroup: null })),
  ];
}

/** A listing without a 亚类 matches any 亚类 of the same 二级分类. */
function sameClass(a: Listing, b: Listing): boolean {
  if (a.category !== b.category || a.subcategory !== b.subcategory) return false;
  return a.therapeuticGroup === null || b.therapeuticGroup === null || a.therapeuticGroup === b.therapeuticGroup;
}

function className(l: Listing): string {
  const base = l.subcategory ?? l.category;
  return l.therapeuticGroup ? `${base}·${l.therapeuticGroup}` : base;
}

/**
 * Varieties in the class of `listing`: those listed there first, then those only cross-listed there
 * (羟氯喹 is an 抗疟药 that the list also puts among the anti-inflammatories).
 */
function members(listing: Listing, candidates: readonly Variety[]): Variety[] {
  const primary = candidates.filter((v) => sameClass(listing, listings(v)[0] as Listing));
  const crossed = candidates.filter((v) => !primary.includes(v) && listings(v).slice(1).some((l) => sameClass(listing, l)));
  return [...primary, ...crossed];
}

/**
 * Up to eight varieties sharing a class with `variety`, grouped by class: its own class first, then
 * the classes it is cross-listed in (阿司匹林 is also an 抗血小板药). Each class gets a fair share of
 * the eight so a big first class does not hide the others. Entries that name a programme rather than
 * a product (结核病用药, 国家免疫规划用疫苗: no dosage forms in the list) are not suggested.
 */
export function substitutesFor(variety: Variety, all: readonly Variety[]): Substitute[] {
  const candidates = all.filter((v) => v.id !== variety.id && v.kind === variety.kind && v.forms.length > 0).sort((a, b) => a.id.localeCompare(b.id));
  const seen = new Set<string>();
  const groups = listings(variety).map((listing) => {
    const group = members(listing, candidates).filter((v) => !seen.has(v.id));
    for (const v of group) seen.add(v.id);
    return { listing, group };
  });
  const taken = groups.map(() => 0);
  for (let total = 0, progress = true; progress && total < MAX_SUBSTITUTES; ) {
    progress = false;
    groups.forEach(({ group }, i) => {
      if (total < MAX_SUBSTITUTES && (taken[i] ?? 0) < group.length) {
        taken[i] = (taken[i] ?? 0) + 1;
        total += 1;
        progress = true;
      }
    });
  }
  return groups.flatMap(({ listing, group }, i) =>
    group.slice(0, taken[i]).map((v) => ({ id: v.id, genericName: v.genericName, reason: `同属「${className(listing)}」类基本药物` })),
  );
}
