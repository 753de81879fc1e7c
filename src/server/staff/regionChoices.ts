import { buildRegionTree, type RegionTree } from '../../domain/regions/regionTree.ts';
import { regionsInScope } from '../../domain/staff/regionScope.ts';
import { loadRegions } from '../store/regionStore.ts';
import type { Store } from '../store/openStore.ts';

/** Region names for staff pages: a few dozen rows, so read per request rather than cached and gone stale. */
export async function staffRegionTree(db: Store): Promise<RegionTree> {
  return buildRegionTree(await loadRegions(db));
}

/** '浮梁县 瑶里镇' for a township: the names below the city, which is what staff of one city tell apart. */
export function regionLabel(tree: RegionTree, code: string): string {
  const path = tree.regionPath(code);
  if (path.length === 0) return code;
  const local = path.filter((r) => r.level === 'county' || r.level === 'township');
  return (local.length > 0 ? local : path.slice(-1)).map((r) => r.name).join(' ');
}

export interface RegionOption {
  code: string;
  label: string;
}

/**
 * The choices of a region picker for an admin: its own region and everything below, indented by depth with
 * full-width spaces so that the tree shows in a plain <select> without any script.
 */
export function regionOptions(tree: RegionTree, adminRegion: string): RegionOption[] {
  const baseDepth = tree.regionPath(adminRegion).length;
  return regionsInScope(tree, adminRegion).map((code) => {
    const region = tree.get(code);
    const depth = tree.regionPath(code).length - baseDepth;
    return { code, label: `${'\u3000'.repeat(depth)}${region?.name ?? code}（${code}）` };
  });
}
