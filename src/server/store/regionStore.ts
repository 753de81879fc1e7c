import type { Region } from '../../domain/regions/regionTree.ts';
import type { Store } from './openStore.ts';

export async function saveRegions(store: Store, regions: readonly Region[]): Promise<void> {
  await store.transaction().execute(async (trx) => {
    for (const r of regions) {
      const changes = { name: r.name, level: r.level, parent_code: r.parentCode };
      await trx
        .insertInto('regions')
        .values({ code: r.code, ...changes })
        .onConflict((oc) => oc.column('code').doUpdateSet(changes))
        .execute();
    }
  });
}

export async function loadRegions(store: Store): Promise<Region[]> {
  const rows = await store.selectFrom('regions').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
}

/** Code → name for the codes asked about; a code the register does not know is left out. */
export async function regionNames(store: Store, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map();
  const rows = await store.selectFrom('regions').select(['code', 'name']).where('code', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** One region's name, or undefined when the code is not in the register. */
export async function regionName(store: Store, code: string): Promise<string | undefined> {
  return (await regionNames(store, [code])).get(code);
}
