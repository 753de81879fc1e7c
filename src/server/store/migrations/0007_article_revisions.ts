import { type Kysely, sql } from 'kysely';
import { identityColumn } from './portableColumns.ts';

/**
 * Two-person rule for published content: a correction or withdrawal is stored here as a pending revision and
 * reaches the article only when a second reviewer approves it, so public reads of `articles` never see it.
 * `articles.revision` numbers the text a reviewer decides on; a decision names the number it was shown.
 */
// Migrations take Kysely<unknown>: they describe the schema as it was then, not as the types say now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1)).execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // 'correction' (replaces title, text and fields) or 'withdrawal' (only `note`, the public reason).
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'pending', then 'approved' or 'rejected'; decided rows are kept as the record of what was proposed.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('issuer', 'text')
    .addColumn('body_md', 'text')
    .addColumn('category', 'text')
    .addColumn('data_json', 'text')
    .addColumn('related_drug_ids_json', 'text')
    // The public correction note, or the public reason for a withdrawal.
    .addColumn('note', 'text', (c) => c.notNull())
    // No foreign keys to staff_accounts, as for articles: the record outlives the account.
    .addColumn('author_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  // At most one pending revision per article, also under concurrent requests (partial indexes: SQLite and PostgreSQL).
  await db.schema
    .createIndex('article_revisions_one_pending')
    .on('article_revisions')
    .column('article_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('article_revisions_article').on('article_revisions').columns(['article_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_revisions').ifExists().execute();
  await db.schema.alterTable('articles').dropColumn('revision').execute();
}
