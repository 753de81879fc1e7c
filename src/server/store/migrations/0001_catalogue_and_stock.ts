import type { Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

// Migrations take Kysely<unknown>: they describe the schema as it was then, not as the types say now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .execute();

  await db.schema
    .createTable('drugs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('eml_number', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('generic_name', 'text', (c) => c.notNull())
    .addColumn('english_name', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('subcategory', 'text')
    .addColumn('therapeutic_group', 'text')
    .addColumn('also_listed_in', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('forms', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('forms_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('specialist_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('is_essential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinyin_full', 'text', (c) => c.notNull())
    .addColumn('pinyin_initials', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drugs_generic_name').on('drugs').column('generic_name').execute();

  await db.schema
    .createTable('drug_aliases')
    .addColumn('drug_id', 'text', (c) => c.notNull().references('drugs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('drug_aliases_pk', ['drug_id', 'name'])
    .execute();
  await db.schema.createIndex('drug_aliases_name').on('drug_aliases').column('name').execute();

  await db.schema
    .createTable('facilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('township_code', 'text')
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('insurance_designated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('facilities_county').on('facilities').column('county_code').execute();

  await db.schema
    .createTable('stock_reports')
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id').onDelete('cascade'))
    .addColumn('drug_id', 'text', (c) => c.notNull().references('drugs.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('price_fen', 'integer')
    .addColumn('price_unit', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_reports_pk', ['facility_id', 'drug_id'])
    .execute();
  await db.schema.createIndex('stock_reports_drug').on('stock_reports').column('drug_id').execute();

  await db.schema
    .createTable('shortage_lists')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('list_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shortage_lists_key_version', ['list_key', 'version'])
    .execute();

  await db.schema
    .createTable('shortage_list_entries')
    .addColumn('list_id', 'integer', (c) => c.notNull().references('shortage_lists.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('drug_id', 'text', (c) => c.references('drugs.id'))
    .addColumn('raw_name', 'text', (c) => c.notNull())
    .addColumn('raw_form', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('shortage_list_entries_pk', ['list_id', 'row_number'])
    .execute();
  await db.schema.createIndex('shortage_list_entries_drug').on('shortage_list_entries').column('drug_id').execute();

  await db.schema
    .createTable('procurement_prices')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('drug_id', 'text', (c) => c.notNull().references('drugs.id').onDelete('cascade'))
    .addColumn('batch', 'text', (c) => c.notNull())
    .addColumn('form_spec', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('rows_imported', 'integer', (c) => c.notNull())
    .addColumn('rows_skipped', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'import_runs',
    'procurement_prices',
    'shortage_list_entries',
    'shortage_lists',
    'stock_reports',
    'facilities',
    'drug_aliases',
    'drugs',
    'regions',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
