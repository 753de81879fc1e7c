import { buildRegionTree, type RegionTree } from '../../domain/regions/regionTree.ts';
import type { ReportInput } from '../../domain/reports/reportInput.ts';
import { cityPrefix } from '../../domain/reports/trackingNumber.ts';
import { rt } from '../../i18n/reports.zh-CN.ts';
import { loadFacility } from '../store/facilityStore.ts';
import type { Store } from '../store/openStore.ts';
import { loadRegions } from '../store/regionStore.ts';

// The region tree changes only when the divisions file is reloaded (a restart); reading it per report would
// cost every submission a few hundred rows.
const trees = new WeakMap<Store, Promise<RegionTree>>();

export function reportRegionTree(store: Store): Promise<RegionTree> {
  let tree = trees.get(store);
  if (!tree) {
    tree = loadRegions(store).then(buildRegionTree);
    trees.set(store, tree);
  }
  return tree;
}

export type ReportPlace =
  | { ok: true; countyCode: string; cityPrefix: string }
  | { ok: false; field: 'facilityId' | 'regionCode'; message: string };

/** Whose queue a report goes to: the county of the chosen facility, or the county the citizen picked. */
export async function placeOfReport(store: Store, input: ReportInput): Promise<ReportPlace> {
  const tree = await reportRegionTree(store);
  let countyCode = input.regionCode;
  if (input.facilityId) {
    const facility = await loadFacility(store, input.facilityId);
    if (!facility) return { ok: false, field: 'facilityId', message: rt('error.facilityUnknown') };
    countyCode = facility.countyCode;
  }
  const county = countyCode ? tree.countyOf(countyCode) : null;
  const city = county ? tree.regionPath(county.code).find((r) => r.level === 'city') : undefined;
  if (!county || !city) return { ok: false, field: 'regionCode', message: rt('error.regionUnknown') };
  return { ok: true, countyCode: county.code, cityPrefix: cityPrefix(city.name) };
}

/** The counties a citizen may pick in the form, grouped under nothing: a city portal has a handful. */
export async function reportCounties(store: Store): Promise<{ code: string; name: string }[]> {
  const tree = await reportRegionTree(store);
  const counties: { code: string; name: string }[] = [];
  const visit = (code: string) => {
    for (const child of tree.children(code)) {
      if (child.level === 'county') counties.push({ code: child.code, name: child.name });
      else if (child.level !== 'township') visit(child.code);
    }
  };
  for (const root of tree.roots) visit(root.code);
  return counties;
}
