import type { Portal } from '../portal.ts';

/** Display names of the people an article mentions (author, last editor, reviewer, proposer of a revision). */
export async function staffNames(portal: Portal, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await portal.store.selectFrom('staff_accounts').select(['id', 'display_name', 'username']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, `${r.display_name}（${r.username}）`]));
}
