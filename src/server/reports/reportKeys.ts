import { createHmac } from 'node:crypto';
import { checkCodeFromBytes, normalizeCheckCode } from '../../domain/reports/checkCode.ts';
import { generatedSecret } from '../generatedSecret.ts';

/**
 * Keys for citizen reports, all derived from one secret generated into DATA_DIR: the ALTCHA HMAC key, the check
 * codes and the hashes of device cookies. Separate labels keep one use from ever standing in for another.
 */
export interface ReportKeys {
  challengeKey: string;
  /** The check code for an idempotency key: derived, so a retried submission gets the same code back. */
  checkCodeFor(idempotencyKey: string): string;
  /** What is stored and compared: a keyed hash, so a copy of the store opens no status page. */
  checkCodeHash(code: string): string;
  deviceHash(deviceId: string): string;
}

const cache = new Map<string, ReportKeys>();

export function reportKeys(dataDir: string): ReportKeys {
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const secret = generatedSecret(dataDir, 'reports-secret');
  const mac = (label: string, value: string) => createHmac('sha256', secret).update(`${label}\0${value}`);
  const keys: ReportKeys = {
    challengeKey: mac('altcha', '').digest('base64url'),
    checkCodeFor: (key) => checkCodeFromBytes(mac('check-code', key).digest()),
    checkCodeHash: (code) => mac('check-code-hash', normalizeCheckCode(code)).digest('hex'),
    deviceHash: (deviceId) => mac('device', deviceId).digest('hex').slice(0, 32),
  };
  cache.set(dataDir, keys);
  return keys;
}
