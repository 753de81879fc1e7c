import { z } from 'zod';
import type { RegionTree } from '../regions/regionTree.ts';

/**
 * A staff account's region in the short statistical form the regions table uses: 36 (province), 3602 (city),
 * 360203 (county), 360203006 (township). Padded forms such as 360200 are refused: as a prefix, 360200 matches
 * none of 3602's counties, so an account stored that way would silently lose its whole subtree.
 */
export const staffRegionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, '地区代码格式不正确');

/**
 * Whether an account at `userRegion` may act for `targetRegion`: its own region and everything below it.
 * Administrative codes nest by prefix (3602 ⊃ 360203 ⊃ 360203006), so the check needs no tree; a county
 * user is refused its neighbour county (360202 vs 360203) and its own city (3602), which is shorter.
 */
export function canActOn(userRegion: string, targetRegion: string): boolean {
  // An empty or malformed user code would be a prefix of everything; refuse rather than grant the world.
  if (!staffRegionCode.safeParse(userRegion).success) return false;
  if (!/^\d+$/.test(targetRegion)) return false;
  return targetRegion.startsWith(userRegion);
}

/** Same rule, but the target must also be a region the portal knows (what a region picker may submit). */
export function canActOnKnownRegion(tree: RegionTree, userRegion: string, targetRegion: string): boolean {
  return tree.get(targetRegion) !== undefined && canActOn(userRegion, targetRegion);
}

/** The codes an account may choose from: its own region first, then everything below it in tree order. */
export function regionsInScope(tree: RegionTree, userRegion: string): string[] {
  if (!tree.get(userRegion)) return [];
  return [userRegion, ...tree.descendantCodes(userRegion)];
}

/**
 * The same prefix rule as a range a SQL index can use: every digit string starting with 3602 sorts at or after
 * '3602' and before '3602:' (':' follows '9' in ASCII). LIKE '3602%' would not use the index in SQLite.
 */
export function regionPrefixRange(userRegion: string): { from: string; before: string } {
  const code = staffRegionCode.parse(userRegion);
  return { from: code, before: `${code}:` };
}
