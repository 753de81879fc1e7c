import type { Store } from './openStore.ts';

export async function insertApiKey(store: Store, row: { holder: string; contact: string; keyHash: string; keyPrefix: string; createdBy: number | null; at: string }) {
  return store
    .insertInto('api_keys')
    .values({ holder: row.holder, contact: row.contact, key_hash: row.keyHash, key_prefix: row.keyPrefix, created_by: row.createdBy, created_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The live (not revoked) key with this hash. */
export async function findLiveApiKey(store: Store, keyHash: string) {
  return store.selectFrom('api_keys').select(['id', 'holder']).where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function revokeApiKey(store: Store, id: number, at: string) {
  return store.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).returning(['holder', 'key_prefix']).executeTakeFirst();
}

export async function listApiKeys(store: Store) {
  return store.selectFrom('api_keys').select(['id', 'holder', 'contact', 'key_prefix', 'created_at', 'revoked_at']).orderBy('id', 'desc').execute();
}
