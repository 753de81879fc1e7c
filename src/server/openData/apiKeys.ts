import { createHash, randomBytes } from 'node:crypto';
import type { Portal } from '../portal.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { actorOf, requireRole, type StaffUser } from '../staff/staffAuth.ts';
import { findLiveApiKey, insertApiKey, listApiKeys, revokeApiKey } from '../store/apiKeyStore.ts';
import type { Store } from '../store/openStore.ts';

/**
 * Free API keys for re-users of the open data (docs/api.md, "Rate limits and API keys"). A key only raises the
 * rate limit: every endpoint answers without one. Shown once when issued; the store keeps its SHA-256.
 */
const keyShape = /^odk_[A-Za-z0-9_-]{43}$/;

export const apiKeyHash = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The key a request presents in `X-API-Key` or `Authorization: Bearer`, when it has the shape of one. */
export function presentedApiKey(headers: { 'x-api-key'?: string | string[] | undefined; authorization?: string | undefined }): string | null {
  const direct = headers['x-api-key'];
  const candidate = (Array.isArray(direct) ? direct[0] : direct)?.trim() ?? /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  return candidate && keyShape.test(candidate) ? candidate : null;
}

/** Staff with the admin or data role hand keys out; the data role runs the open data. */
function requireKeyRole(user: StaffUser): void {
  if (!user.account.roles.includes('data')) requireRole(user, 'admin');
}

export async function issueApiKey(portal: Pick<Portal, 'store'>, user: StaffUser, holder: string, contact: string, now = new Date()) {
  requireKeyRole(user);
  const key = `odk_${randomBytes(32).toString('base64url')}`;
  const keyPrefix = key.slice(0, 10);
  const { id } = await insertApiKey(portal.store, { holder, contact, keyHash: apiKeyHash(key), keyPrefix, createdBy: user.account.id, at: now.toISOString() });
  // The audit names the holder and the prefix, never the key.
  await appendAudit(portal.store, actorOf(user), { action: 'api_key.issue', regionCode: user.account.regionCode, target: { type: 'api_key', id }, after: { holder, contact, keyPrefix } }, now);
  return { id, key };
}

export async function revokeIssuedApiKey(portal: Pick<Portal, 'store'>, user: StaffUser, id: number, now = new Date()): Promise<void> {
  requireKeyRole(user);
  const revoked = await revokeApiKey(portal.store, id, now.toISOString());
  if (!revoked) return;
  knownKeys.clear();
  await appendAudit(portal.store, actorOf(user), { action: 'api_key.revoke', regionCode: user.account.regionCode, target: { type: 'api_key', id }, before: { holder: revoked.holder, keyPrefix: revoked.key_prefix } }, now);
}

export const apiKeysView = (portal: Pick<Portal, 'store'>) => listApiKeys(portal.store);

/**
 * Which live key a presented one is, remembered for a minute so that a busy client costs the store one read a
 * minute, not one a request. A revocation here clears it at once; another process sees it within the minute.
 */
// On globalThis: the start script (where the limiter runs) and the server bundle (where staff revoke) are two
// module graphs in one process, and a revocation must clear the one map both read.
const holder = globalThis as typeof globalThis & { __liveApiKeys?: Map<string, { id: number | null; until: number }> };
holder.__liveApiKeys ??= new Map();
const knownKeys = holder.__liveApiKeys;
const rememberMs = 60_000;

export async function liveApiKeyId(store: Store, key: string, now = Date.now()): Promise<number | null> {
  const hash = apiKeyHash(key);
  const known = knownKeys.get(hash);
  if (known && known.until > now) return known.id;
  const row = await findLiveApiKey(store, hash);
  if (knownKeys.size > 10_000) knownKeys.clear();
  knownKeys.set(hash, { id: row?.id ?? null, until: now + rememberMs });
  return row?.id ?? null;
}
