import type { CreateTableBuilder, Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

/**
 * Price watch (稳价). `price_history` is append-only: every changed price a facility reports is a new row, with
 * its unit price (fen per 片/粒/ml…, null when the pack cannot be read). `price_current` is the newest row per
 * facility × drug and `price_county_medians` the median per drug × comparable product × county, both kept up to
 * date by each import so that signals never rescan a province. `reference_prices` hold 集采中选价 and 挂网价 by
 * imported file (versioned: a later file of the same document supersedes the earlier rows, which stay).
 * `price_signals` are what staff work on.
 */
/** The columns a price history row and a current price share: one priced product of one facility. */
function pricedProduct(table: CreateTableBuilder<string>) {
  return table
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('drug_id', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .addColumn('pack_text', 'text')
    .addColumn('dosage_form', 'text')
    .addColumn('strength', 'text')
    .addColumn('unit', 'text')
    .addColumn('unit_fen', 'double precision')
    .addColumn('comparable_key', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await pricedProduct(db.schema.createTable('price_history').addColumn('id', 'integer', identityColumn(db)))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('price_history_pair').on('price_history').columns(['facility_id', 'drug_id', 'reported_at']).execute();
  await db.schema.createIndex('price_history_area').on('price_history').columns(['drug_id', 'county_code', 'reported_at']).execute();

  await pricedProduct(db.schema.createTable('price_current'))
    .addPrimaryKeyConstraint('price_current_pk', ['facility_id', 'drug_id'])
    .execute();
  await db.schema.createIndex('price_current_area').on('price_current').columns(['drug_id', 'county_code']).execute();

  await db.schema
    .createTable('price_county_medians')
    .addColumn('drug_id', 'text', (c) => c.notNull())
    .addColumn('comparable_key', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('median_fen', 'double precision', (c) => c.notNull())
    .addColumn('facilities', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('price_county_medians_pk', ['drug_id', 'comparable_key', 'county_code'])
    .execute();

  await db.schema
    .createTable('reference_price_imports')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull().unique())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rows_imported', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reference_prices')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('drug_id', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('dosage_form', 'text')
    .addColumn('strength', 'text')
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    // Set when a later file of the same issuer and document replaced this row; the row itself stays.
    .addColumn('superseded_by', 'integer')
    .execute();
  await db.schema.createIndex('reference_prices_drug').on('reference_prices').columns(['drug_id', 'superseded_by']).execute();

  await db.schema
    .createTable('price_signals')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('signal_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('drug_id', 'text', (c) => c.notNull())
    .addColumn('comparable_key', 'text')
    .addColumn('measure', 'double precision', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'integer')
    .addColumn('action', 'text')
    .addColumn('note', 'text')
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('price_signals_queue').on('price_signals').columns(['county_code', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['price_signals', 'reference_prices', 'reference_price_imports', 'price_county_medians', 'price_current', 'price_history']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
