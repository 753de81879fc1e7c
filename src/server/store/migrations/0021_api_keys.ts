import type { Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

// Free keys for re-users of the open data API (docs/api.md, "Rate limits and API keys"): a key raises the
// per-client limit. Only the SHA-256 of a key is kept, so a copy of the store lets no one use one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'integer', identityColumn(db))
    /** Who uses it: an app, a newsroom, a research group. */
    .addColumn('holder', 'text', (c) => c.notNull())
    /** How to reach them when their use causes trouble (an e-mail or a phone). */
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    /** The first characters of the key (odk_ab12…), so staff and the holder can tell keys apart. */
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_keys').ifExists().execute();
}
