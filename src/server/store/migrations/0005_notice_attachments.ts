import type { Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

/**
 * PDF attachments of quarterly notices. The file itself lives on disk under DATA_DIR/attachments/<sha256>.pdf
 * (content-addressed, so an identical upload is stored once and a file never changes under its URL); this
 * table says which notice shows which file, under which name.
 */
// Migrations take Kysely<unknown>: they describe the schema as it was then, not as the types say now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notice_attachments')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // Order on the page: the order staff attached them in.
    .addColumn('position', 'integer', (c) => c.notNull())
    // No foreign key to staff_accounts, like the audit log: the record outlives the account.
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notice_attachments_file', ['article_id', 'sha256'])
    .execute();
  await db.schema.createIndex('notice_attachments_sha').on('notice_attachments').column('sha256').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notice_attachments').ifExists().execute();
}
