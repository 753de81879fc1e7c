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

export async function saveProcurementPrices(
  store: Store,
  prices: { genericName: string; batch: string; formSpec: string; priceFen: number; unit: string }[],
): Promise<void> {
  const existing = await store.selectFrom('procurement_prices').select('id').where('is_demo', '=', 1).executeTakeFirst();
  if (existing) return;
  const ids = await idsByGenericName(store, prices.map((p) => p.genericName));
  for (const p of prices) {
    const drugId = ids.get(p.genericName);
    if (!drugId) continue;
    await store
      .insertInto('procurement_prices')
      .values({ drug_id: drugId, batch: p.batch, form_spec: p.formSpec, price_fen: p.priceFen, unit: p.unit, is_demo: 1, source: '演示数据（非官方）' })
      .execute();
  }
}
