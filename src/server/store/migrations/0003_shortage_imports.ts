import type { Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

// Migrations take Kysely<unknown>: they describe the schema as it was then, not as the types say now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 规格 as the list wrote it; kept beside the form so that nothing from an official file is lost on loading.
  await db.schema.alterTable('shortage_list_entries').addColumn('raw_spec', 'text').execute();

  // A loaded file waiting for review: its rows and match results stay here, also after publishing, as the record
  // of what the file said and how each row was matched. created_by has no foreign key, like the audit log.
  await db.schema
    .createTable('shortage_list_imports')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('list_key', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('meta_json', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_username', 'text')
    .addColumn('published_list_id', 'integer', (c) => c.references('shortage_lists.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shortage_list_imports_status').on('shortage_list_imports').columns(['status', 'region_code']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shortage_list_imports').ifExists().execute();
  await db.schema.alterTable('shortage_list_entries').dropColumn('raw_spec').execute();
}
