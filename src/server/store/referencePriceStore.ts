import type { ReferencePrice } from '../../domain/prices/referencePrice.ts';
import type { Store } from './openStore.ts';
import type { ReferencePriceTable } from './priceSchema.ts';

export async function referenceImportBySha(store: Store, sha256: string) {
  return store.selectFrom('reference_price_imports').selectAll().where('file_sha256', '=', sha256).executeTakeFirst();
}

/**
 * Saves one file as the next version. Rows of earlier files with the same issuer and document are marked
 * superseded, not deleted: what a price was compared with stays on record.
 */
export async function saveReferenceImport(
  store: Store,
  file: { fileName: string; sha256: string; importedBy: string; isDemo: boolean },
  prices: readonly (ReferencePrice & { line: number })[],
  now: Date,
): Promise<{ importId: number; version: number }> {
  return store.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('reference_price_imports').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const run = await trx
      .insertInto('reference_price_imports')
      .values({ file_name: file.fileName, file_sha256: file.sha256, version, rows_imported: prices.length, imported_by: file.importedBy, is_demo: file.isDemo ? 1 : 0, imported_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const importId = Number(run.id);
    const documents = new Map(prices.map((p) => [`${p.issuer}\u0000${p.document}`, p]));
    for (const p of documents.values()) {
      await trx.updateTable('reference_prices').set({ superseded_by: importId }).where('issuer', '=', p.issuer).where('document', '=', p.document).where('superseded_by', 'is', null).execute();
    }
    const rows: Omit<ReferencePriceTable, 'id'>[] = prices.map((p) => ({
      import_id: importId, line: p.line, kind: p.kind, drug_id: p.drugId, region_code: p.regionCode, dosage_form: p.dosageForm,
      strength: p.strength, pack: p.pack, company: p.company, price_fen: p.priceFen, issuer: p.issuer, document: p.document,
      issued_on: p.issuedOn, source_url: p.sourceUrl, is_demo: p.isDemo || file.isDemo ? 1 : 0, superseded_by: null,
    }));
    for (let i = 0; i < rows.length; i += 300) await trx.insertInto('reference_prices').values(rows.slice(i, i + 300)).execute();
    return { importId, version };
  });
}

/** The references in force for these drugs. */
export async function referencesFor(store: Store, drugIds: readonly string[]): Promise<ReferencePrice[]> {
  if (drugIds.length === 0) return [];
  const rows = await store.selectFrom('reference_prices').selectAll().where('drug_id', 'in', [...drugIds]).where('superseded_by', 'is', null).execute();
  return rows.map((r) => ({
    kind: r.kind, drugId: r.drug_id, regionCode: r.region_code, dosageForm: r.dosage_form, strength: r.strength, pack: r.pack,
    company: r.company, priceFen: r.price_fen, issuer: r.issuer, document: r.document, issuedOn: r.issued_on,
    sourceUrl: r.source_url, isDemo: r.is_demo === 1,
  }));
}

export async function hasDemoReferences(store: Store): Promise<boolean> {
  return (await store.selectFrom('reference_price_imports').select('id').where('is_demo', '=', 1).executeTakeFirst()) !== undefined;
}
