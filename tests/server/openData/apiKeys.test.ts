import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKeyHash, issueApiKey, liveApiKeyId, presentedApiKey, revokeIssuedApiKey } from '../../../src/server/openData/apiKeys.ts';
import type { Portal } from '../../../src/server/portal.ts';
import type { StaffUser } from '../../../src/server/staff/staffAuth.ts';
import { openTestPortal } from '../../support/testPortal.ts';
import { seedAccount, signedIn } from '../staff/staffFixtures.ts';

let portal: Portal;
let admin: StaffUser;
let dataOfficer: StaffUser;
let publisher: StaffUser;

beforeAll(async () => {
  portal = await openTestPortal({ demo: false });
  await seedAccount(portal.store, 'admin.city', '3602', ['admin']);
  await seedAccount(portal.store, 'data.city', '3602', ['data']);
  await seedAccount(portal.store, 'pub.city', '3602', ['publisher']);
  [admin, dataOfficer, publisher] = [await signedIn(portal.store, 'admin.city'), await signedIn(portal.store, 'data.city'), await signedIn(portal.store, 'pub.city')];
});
afterAll(async () => portal?.close());

describe('API keys', () => {
  test('are issued by admin or data staff, stored only as a hash, and audited without the key', async () => {
    const { id, key } = await issueApiKey(portal, dataOfficer, '某日报数据新闻组', 'data@example.cn');
    expect(key).toMatch(/^odk_[A-Za-z0-9_-]{43}$/);
    const row = await portal.store.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(apiKeyHash(key));
    expect(JSON.stringify(row)).not.toContain(key);
    const audit = await portal.store.selectFrom('audit_log').selectAll().where('action', '=', 'api_key.issue').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(key);
    expect(audit[0]?.actor_username).toBe('data.city');
    expect(await liveApiKeyId(portal.store, key)).toBe(id);
  });

  test('stop working at once when revoked here, and the revocation is audited', async () => {
    const { id, key } = await issueApiKey(portal, admin, '药品地图应用', '13800000000');
    expect(await liveApiKeyId(portal.store, key)).toBe(id);
    await revokeIssuedApiKey(portal, admin, id);
    expect(await liveApiKeyId(portal.store, key)).toBeNull();
    const actions = (await portal.store.selectFrom('audit_log').select('action').where('target_id', '=', String(id)).execute()).map((r) => r.action);
    expect(actions).toContain('api_key.revoke');
  });

  test('may not be issued by staff without the admin or data role', async () => {
    await expect(issueApiKey(portal, publisher, '某应用', 'x@example.cn')).rejects.toThrow();
  });

  test('are read from X-API-Key or a bearer header, and anything not shaped like a key is no key', () => {
    const key = `odk_${'x'.repeat(43)}`;
    expect(presentedApiKey({ 'x-api-key': key })).toBe(key);
    expect(presentedApiKey({ authorization: `Bearer ${key}` })).toBe(key);
    expect(presentedApiKey({ authorization: 'Bearer itk_someIntakeToken' })).toBeNull();
    expect(presentedApiKey({ 'x-api-key': 'guess' })).toBeNull();
  });
});
