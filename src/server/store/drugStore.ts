import type { DrugFlags, ListMembership, ProcurementPrice } from '../../domain/drugs/drugFlags.ts';
import type { DrugVariety } from '../../domain/drugs/drugVariety.ts';
import type { MatchableDrug } from '../../domain/shortages/drugMatcher.ts';
import type { Store } from './openStore.ts';
import type { DrugTable } from './schema.ts';
import { listsInForce } from './shortageListStore.ts';

export interface DrugRecord extends DrugVariety {
  flags: DrugFlags;
}

export function varietyFromRow(row: DrugTable, aliases: DrugVariety['aliases']): DrugVariety {
  return {
    id: row.id,
    emlNumber: row.eml_number,
    kind: row.kind,
    genericName: row.generic_name,
    englishName: row.english_name,
    category: row.category,
    subcategory: row.subcategory,
    therapeuticGroup: row.therapeutic_group,
    alsoListedIn: JSON.parse(row.also_listed_in),
    forms: JSON.parse(row.forms),
    formsText: row.forms_text,
    specialistOnly: row.specialist_only === 1,
    notes: row.notes,
    isEssential: row.is_essential === 1,
    pinyinFull: row.pinyin_full,
    pinyinInitials: row.pinyin_initials,
    aliases,
  };
}

/** Replaces the catalogue in one transaction: a half-loaded catalogue would break every drug link. */
export async function saveCatalogue(store: Store, varieties: DrugVariety[], now = new Date()): Promise<void> {
  const updatedAt = now.toISOString();
  await store.transaction().execute(async (trx) => {
    for (const v of varieties) {
      const row: DrugTable = {
        id: v.id,
        eml_number: v.emlNumber,
        kind: v.kind,
        generic_name: v.genericName,
        english_name: v.englishName,
        category: v.category,
        subcategory: v.subcategory,
        therapeutic_group: v.therapeuticGroup,
        also_listed_in: JSON.stringify(v.alsoListedIn),
        forms: JSON.stringify(v.forms),
        forms_text: v.formsText,
        specialist_only: v.specialistOnly ? 1 : 0,
        notes: v.notes,
        is_essential: v.isEssential ? 1 : 0,
        pinyin_full: v.pinyinFull,
        pinyin_initials: v.pinyinInitials,
        updated_at: updatedAt,
      };
      const { id: _id, ...changes } = row;
      await trx.insertInto('drugs').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
      await trx.deleteFrom('drug_aliases').where('drug_id', '=', v.id).execute();
      const seen = new Set<string>();
      for (const alias of v.aliases) {
        if (seen.has(alias.name)) continue;
        seen.add(alias.name);
        await trx
          .insertInto('drug_aliases')
          .values({ drug_id: v.id, name: alias.name, kind: alias.kind, source: alias.source })
          .execute();
      }
    }
  });
}

async function flagsFor(store: Store, ids: string[], rows: DrugTable[]): Promise<Map<string, DrugFlags>> {
  const memberships = new Map<string, ListMembership[]>();
  const lists = await listsInForce(store);
  if (lists.length > 0 && ids.length > 0) {
    const entries = await store
      .selectFrom('shortage_list_entries')
      .select(['list_id', 'drug_id'])
      .where('list_id', 'in', lists.map((l) => l.listId))
      .where('drug_id', 'in', ids)
      .execute();
    for (const entry of entries) {
      const list = lists.find((l) => l.listId === entry.list_id);
      if (!list || !entry.drug_id) continue;
      const existing = memberships.get(entry.drug_id) ?? [];
      if (!existing.some((m) => m.listId === list.listId)) existing.push(list);
      memberships.set(entry.drug_id, existing);
    }
  }
  const prices = new Map<string, ProcurementPrice[]>();
  if (ids.length > 0) {
    // 集采 results now come from the reference prices staff load (migration 0030), in force ones only.
    const priceRows = await store
      .selectFrom('reference_prices')
      .selectAll()
      .where('drug_id', 'in', ids)
      .where('kind', 'in', ['national_vbp', 'provincial_vbp'])
      .where('superseded_by', 'is', null)
      .execute();
    for (const p of priceRows) {
      const list = prices.get(p.drug_id) ?? [];
      const formSpec = [p.dosage_form, p.pack].filter(Boolean).join(' ');
      list.push({ batch: p.document, formSpec, priceFen: p.price_fen, unit: p.pack.replace(/\(.*$/, ''), isDemo: p.is_demo === 1, source: p.issuer });
      prices.set(p.drug_id, list);
    }
  }
  return new Map(
    rows.map((row) => [
      row.id,
      {
        essential: row.is_essential === 1,
        specialistOnly: row.specialist_only === 1,
        lists: memberships.get(row.id) ?? [],
        procurement: prices.get(row.id) ?? [],
        rx: null,
      },
    ]),
  );
}

/** Loads drugs with aliases and flags; chunked because SQLite caps bound parameters per statement. */
export async function loadDrugs(store: Store, ids?: string[]): Promise<DrugRecord[]> {
  const records: DrugRecord[] = [];
  const allIds = ids ?? (await store.selectFrom('drugs').select('id').orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < allIds.length; i += 500) {
    const chunk = allIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await store.selectFrom('drugs').selectAll().where('id', 'in', chunk).execute();
    const aliasRows = await store.selectFrom('drug_aliases').selectAll().where('drug_id', 'in', chunk).execute();
    const flags = await flagsFor(store, chunk, rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of chunk) {
      const row = byId.get(id);
      if (!row) continue;
      const aliases = aliasRows
        .filter((a) => a.drug_id === id)
        .map((a) => ({ name: a.name, kind: a.kind, source: a.source }));
      records.push({ ...varietyFromRow(row, aliases), flags: flags.get(id) as DrugFlags });
    }
  }
  return records;
}

export async function loadDrug(store: Store, id: string): Promise<DrugRecord | undefined> {
  const [record] = await loadDrugs(store, [id]);
  return record;
}

export async function countDrugs(store: Store): Promise<number> {
  const row = await store.selectFrom('drugs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Ids of the varieties in any class the drug is listed in (its own and its cross-listings), the drug included.
 * Cross-listed varieties count too, since a drug cross-listed into a class belongs to it for a reader.
 */
export async function sameClassDrugIds(store: Store, drug: Pick<DrugVariety, 'category' | 'subcategory' | 'alsoListedIn'>): Promise<string[]> {
  const classes = [{ category: drug.category, subcategory: drug.subcategory }, ...drug.alsoListedIn];
  const ids = new Set<string>();
  for (const rows of await Promise.all(
    classes.map((c) => {
      const query = store.selectFrom('drugs').select(['id', 'also_listed_in']);
      return c.subcategory === null
        ? query.where('category', '=', c.category).where('subcategory', 'is', null).execute()
        : query.where('category', '=', c.category).where('subcategory', '=', c.subcategory).execute();
    }),
  )) {
    for (const row of rows) ids.add(row.id);
  }
  // Varieties whose cross-listing puts them in one of these classes.
  const crossListed = await store.selectFrom('drugs').select(['id', 'also_listed_in']).where('also_listed_in', '!=', '[]').execute();
  for (const row of crossListed) {
    const listed = JSON.parse(row.also_listed_in) as DrugVariety['alsoListedIn'];
    if (listed.some((l) => classes.some((c) => c.category === l.category && c.subcategory === l.subcategory))) ids.add(row.id);
  }
  return [...ids].sort();
}

export async function drugExists(store: Store, id: string): Promise<boolean> {
  return (await store.selectFrom('drugs').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Id → generic name, for callers that need only names (no aliases, list flags or prices). */
export async function drugNames(store: Store, ids?: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids && ids.length === 0) return names;
  const chunks = ids ? Array.from({ length: Math.ceil(ids.length / 500) }, (_, i) => ids.slice(i * 500, i * 500 + 500)) : [undefined];
  for (const chunk of chunks) {
    let query = store.selectFrom('drugs').select(['id', 'generic_name']);
    if (chunk) query = query.where('id', 'in', chunk);
    for (const row of await query.execute()) names.set(row.id, row.generic_name);
  }
  return names;
}

/**
 * Ids of drugs whose generic name contains `part` (% and _ are taken out, not used as wildcards). Latin letters
 * match in either case (维生素B12 for b12): SQLite's LIKE ignores their case and PostgreSQL's does not, so both
 * sides are lower-cased.
 */
export async function drugIdsByNamePart(store: Store, part: string, limit: number): Promise<string[]> {
  const text = part.replace(/[%_]/g, '').toLowerCase();
  if (text === '') return [];
  const rows = await store
    .selectFrom('drugs')
    .select('id')
    .where((eb) => eb(eb.fn<string>('lower', ['generic_name']), 'like', `%${text}%`))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Generic name → id for the given names (a name the catalogue lacks is absent), for seeds that name drugs. */
export async function drugIdsByGenericName(store: Store, names: readonly string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await store.selectFrom('drugs').select(['id', 'generic_name']).where('generic_name', 'in', [...new Set(names)]).orderBy('id').execute();
  const ids = new Map<string, string>();
  for (const row of rows) if (!ids.has(row.generic_name)) ids.set(row.generic_name, row.id);
  return ids;
}

/**
 * The drug a typed name means: its generic name, else an alias that only one variety has. An alias shared by
 * two varieties (a brand sold as tablets and as granules) is ambiguous, so it resolves to nothing.
 */
export async function drugIdNamed(store: Store, name: string): Promise<string | undefined> {
  const byName = await store.selectFrom('drugs').select('id').where('generic_name', '=', name).executeTakeFirst();
  if (byName) return byName.id;
  const byAlias = await store.selectFrom('drug_aliases').select('drug_id').where('name', '=', name).limit(2).execute();
  return byAlias.length === 1 ? byAlias[0]?.drug_id : undefined;
}

/** Every variety with its names, for matching the names written in an uploaded list. */
export async function matchableDrugs(store: Store): Promise<MatchableDrug[]> {
  const drugs = await store.selectFrom('drugs').select(['id', 'generic_name', 'pinyin_full']).execute();
  const aliases = await store.selectFrom('drug_aliases').select(['drug_id', 'name']).execute();
  const byDrug = new Map<string, string[]>();
  for (const a of aliases) byDrug.set(a.drug_id, [...(byDrug.get(a.drug_id) ?? []), a.name]);
  return drugs.map((d) => ({ id: d.id, genericName: d.generic_name, pinyinFull: d.pinyin_full, aliases: byDrug.get(d.id) ?? [] }));
}

export interface DrugSummary {
  id: string;
  genericName: string;
  kind: DrugTable['kind'];
  category: string;
  formsText: string;
}

/** What a reader needs to tell varieties apart (name, kind, class, forms), for the given ids or every drug. */
export async function drugSummaries(store: Store, ids?: readonly string[]): Promise<Map<string, DrugSummary>> {
  if (ids?.length === 0) return new Map();
  let query = store.selectFrom('drugs').select(['id', 'generic_name', 'kind', 'category', 'forms_text']);
  if (ids) query = query.where('id', 'in', [...new Set(ids)]);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, genericName: r.generic_name, kind: r.kind, category: r.category, formsText: r.forms_text }]));
}
