import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): HMAC-SHA256 over `${id}.${timestamp}.${body}`
 * with the secret's bytes (the base64 after `whsec_`), sent as `webhook-signature: v1,<base64>`. Written out
 * here rather than taken from a library so that the tests can check it against one (standardwebhooks).
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export function webhookHeaders(secret: string, id: string, timestamp: Date, body: string): Record<string, string> {
  const seconds = Math.floor(timestamp.getTime() / 1000);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': `v1,${signature}` };
}

/** Wait before attempt n+1 after n failures: 10 s doubling to an hour; 24 attempts span well over a day. */
export const webhookMaxAttempts = 24;
export function webhookBackoffMs(failures: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
}
