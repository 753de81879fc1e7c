import type { Kysely } from 'kysely';
import { identityColumn } from './portableColumns.ts';

/**
 * Back-in-stock alerts without an account: a subscription is a drug, an area and the hash of a private feed
 * token — nothing about the person. Unsubscribing deletes the row and its items.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alert_subscriptions')
    .addColumn('id', 'integer', identityColumn(db))
    // SHA-256 of the feed token: a copy of the store opens no one's feed.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('drug_id', 'text', (c) => c.notNull())
    // The area: a county code, or a point and a radius.
    .addColumn('county_code', 'text')
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('radius_km', 'real')
    // 1 when the last evaluation found fresh 有货 in the area: the alert fires on the step from 0 to 1.
    .addColumn('was_available', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_alert_at', 'text')
    // News about the drug (a shortage list version naming it, a clarification about it) after this moment
    // has not been told yet.
    .addColumn('news_checked_at', 'text', (c) => c.notNull())
    // Only for e-mail delivery, and erased with the subscription: the address, and the nonce from which the
    // server (with its secret) re-derives the token for the one-tap unsubscribe link in each message.
    .addColumn('email', 'text')
    .addColumn('mail_nonce', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_subscriptions_drug').on('alert_subscriptions').column('drug_id').execute();
  await db.schema
    .createTable('alert_items')
    .addColumn('id', 'integer', identityColumn(db))
    .addColumn('subscription_id', 'integer', (c) => c.notNull())
    // back_in_stock · shortage_list_version · clarification
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    // Where the item leads (a list, a clarification); null for back_in_stock, which leads to the drug page.
    .addColumn('url_path', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_items_subscription').on('alert_items').columns(['subscription_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_items').ifExists().execute();
  await db.schema.dropTable('alert_subscriptions').ifExists().execute();
}
