import type { Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

/**
 * Articles the authority publishes through the editorial workflow: clarifications (澄清/辟谣) now, quarterly
 * notices (季度通报) later, in one table so that the workflow, feeds, search and audit serve both.
 */
// Migrations take Kysely<unknown>: they describe the schema as it was then, not as the types say now.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    // A kind's one filterable classification (a clarification's verdict); the rest of its fields are JSON.
    .addColumn('category', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('requested_slug', 'text')
    // Fixed at publication or scheduling and never changed afterwards: the permalink is /{kind}/{year}/{slug}.
    .addColumn('permalink_year', 'integer')
    .addColumn('permalink_slug', 'text')
    .addColumn('publish_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('corrected_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('review_note', 'text')
    // No foreign keys to staff_accounts: an article must outlive the account of whoever wrote it.
    .addColumn('author_id', 'integer', (c) => c.notNull())
    .addColumn('last_editor_id', 'integer', (c) => c.notNull())
    .addColumn('reviewer_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Null while the search index may be behind (set after a successful index write).
    .addColumn('indexed_at', 'text')
    // NULLs never collide, so drafts (no permalink yet) are unconstrained.
    .addUniqueConstraint('articles_permalink', ['kind', 'permalink_year', 'permalink_slug'])
    .execute();
  await db.schema.createIndex('articles_kind_state_published').on('articles').columns(['kind', 'state', 'published_at']).execute();
  await db.schema.createIndex('articles_kind_updated').on('articles').columns(['kind', 'updated_at']).execute();
  await db.schema.createIndex('articles_region').on('articles').columns(['region_code']).execute();

  // One row per correction, holding the text as it read before it: corrections never erase what was said.
  await db.schema
    .createTable('article_corrections')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('previous_title', 'text', (c) => c.notNull())
    .addColumn('previous_body_md', 'text', (c) => c.notNull())
    .addColumn('previous_category', 'text')
    .addColumn('previous_data_json', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_corrections_article').on('article_corrections').columns(['article_id', 'corrected_at']).execute();

  // No foreign key to drugs: a catalogue reload must not delete a clarification's links to a renamed variety.
  await db.schema
    .createTable('article_drugs')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('drug_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_drugs_pk', ['article_id', 'drug_id'])
    .execute();
  await db.schema.createIndex('article_drugs_drug').on('article_drugs').column('drug_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['article_drugs', 'article_corrections', 'articles']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
