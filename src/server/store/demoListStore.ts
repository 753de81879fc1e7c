import type { Store } from './openStore.ts';
import { hasList, type ListVersionInput, saveListVersion } from './shortageListStore.ts';

/** A demo list is a list version named by generic names instead of matched entries. */
type DemoListSpec = Omit<ListVersionInput, 'isDemo' | 'entries'> & { genericNames: string[] };

async function idsByGenericName(store: Store, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await store.selectFrom('drugs').select(['id', 'generic_name']).where('generic_name', 'in', names).execute();
  return new Map(rows.map((r) => [r.generic_name, r.id]));
}

/** Loads a demo list once; it is always stored with is_demo so every view labels it 示例. */
export async function saveDemoList(store: Store, spec: DemoListSpec, now: Date): Promise<void> {
  if (await hasList(store, spec.listKey)) return;
  const ids = await idsByGenericName(store, spec.genericNames);
  await saveListVersion(
    store,
    {
      ...spec,
      isDemo: true,
      entries: spec.genericNames
        .filter((name) => ids.has(name))
        .map((name) => ({ drugId: ids.get(name) ?? null, rawName: name, rawForm: null, note: null })),
    },
    now,
  );
}
