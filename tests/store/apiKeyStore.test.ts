import { afterEach, expect, test } from 'vitest';
import { findLiveApiKey, insertApiKey, listApiKeys, revokeApiKey } from '../../src/server/store/apiKeyStore.ts';
import { describeStores, type TestStore } from '../support/testStores.ts';

describeStores('apiKeyStore', (open) => {
  let t: TestStore | undefined;
  afterEach(async () => t?.close());

  test('finds a key by its hash until it is revoked, and revokes it once', async () => {
    t = await open();
    const { id } = await insertApiKey(t.store, { holder: '某日报数据组', contact: 'data@example.cn', keyHash: 'h1', keyPrefix: 'odk_abcdef', createdBy: null, at: '2026-12-06T01:00:00.000Z' });
    expect(await findLiveApiKey(t.store, 'h1')).toEqual({ id, holder: '某日报数据组' });
    expect(await findLiveApiKey(t.store, 'other')).toBeUndefined();
    expect(await revokeApiKey(t.store, id, '2026-12-06T02:00:00.000Z')).toEqual({ holder: '某日报数据组', key_prefix: 'odk_abcdef' });
    expect(await revokeApiKey(t.store, id, '2026-12-06T03:00:00.000Z')).toBeUndefined();
    expect(await findLiveApiKey(t.store, 'h1')).toBeUndefined();
    const [listed] = await listApiKeys(t.store);
    expect(listed).toMatchObject({ holder: '某日报数据组', key_prefix: 'odk_abcdef', revoked_at: '2026-12-06T02:00:00.000Z' });
    expect(Object.keys(listed ?? {})).not.toContain('key_hash');
  });
});
