import { createHash, createHmac } from 'node:crypto';
import { generatedSecret } from '../generatedSecret.ts';

/** A private feed token: 24 random (or derived) bytes, base64url. Whoever holds it reads the feed and can unsubscribe. */
export const alertTokenPattern = /^[A-Za-z0-9_-]{32}$/;

/** What the store keeps: a copy of the store opens no one's feed. */
export function alertTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * With e-mail, the token is derived from a stored nonce and the server's secret, so that every message can
 * carry the unsubscribe link; the store alone still opens no feed.
 */
export function mailedAlertToken(dataDir: string, nonce: string): string {
  return createHmac('sha256', generatedSecret(dataDir, 'alerts-secret')).update(`alert-token\0${nonce}`).digest().subarray(0, 24).toString('base64url');
}
