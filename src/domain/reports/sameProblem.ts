import type { ProblemKind } from './problemKind.ts';

/**
 * An open case of a drug that one tap can add to ("也遇到了 (n)"): the report it would make, field for field,
 * and what the button shows. Public facts only (drug, place, problem, count), so a page showing it can be shared.
 */
export interface SameProblemCase {
  drugId: string;
  drugName: string;
  problem: ProblemKind;
  problemLabel: string;
  /** The facility of the case, or null for a case of the whole county (then regionCode says which). */
  facilityId: string | null;
  regionCode: string;
  /** Where, as a citizen reads it: the facility's name, or the county's. */
  placeName: string;
  reportCount: number;
}

/** The form's fields for the report that joins the case (the POST /report/same form and its island). */
export function sameProblemFields(c: SameProblemCase): Record<string, string> {
  return { drugId: c.drugId, drugName: c.drugName, problem: c.problem, facilityId: c.facilityId ?? '', regionCode: c.facilityId ? '' : c.regionCode };
}

/**
 * Where the drug page shows each case: a facility's case in that facility's row when the row is on the page,
 * every other case (a county's, or a facility's not listed) in the page's own list.
 */
export function placeSameProblemCases(cases: readonly SameProblemCase[], facilityIdsShown: readonly string[]) {
  const shown = new Set(facilityIdsShown);
  const inRows = new Map<string, SameProblemCase>();
  const listed: SameProblemCase[] = [];
  for (const c of cases) {
    if (c.facilityId && shown.has(c.facilityId) && !inRows.has(c.facilityId)) inRows.set(c.facilityId, c);
    else listed.push(c);
  }
  return { inRows, listed };
}
