import type { Portal } from '../portal.ts';
import { staffDisplayNames } from '../store/staffAccountStore.ts';

/** Display names of the people an article mentions (author, last editor, reviewer, proposer of a revision). */
export async function staffNames(portal: Portal, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const names = await staffDisplayNames(portal.store, ids);
  return new Map([...names].map(([id, n]) => [id, `${n.displayName}（${n.username}）`]));
}
