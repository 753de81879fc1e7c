import { randomBytes } from 'node:crypto';
import { alertTokenHash, alertTokenPattern, mailedAlertToken } from './alertToken.ts';
import { type AlertSubscriptionInput, alertSubscriptionInput } from '../../domain/alerts/alertArea.ts';
import { type AlertSubscription, alertSubscriptionByTokenHash, eraseAlertSubscription, insertAlertSubscription } from '../store/alertStore.ts';
import type { Store } from '../store/openStore.ts';
import { drugFacts, freshInStockFor } from './alertEvaluation.ts';

/**
 * Subscribing without an account: the citizen gets a private feed token (shown once, in the feed URL they
 * keep); the store keeps only its SHA-256 (src/server/alerts/alertToken.ts).
 */
export type SubscribeOutcome =
  | { ok: true; token: string }
  | { ok: false; field: string; message: string };

export async function subscribeToAlerts(store: Store, fields: Record<string, unknown>, now: Date, dataDir: string): Promise<SubscribeOutcome> {
  const parsed = alertSubscriptionInput.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: String(issue?.path[0] ?? 'drugId'), message: issue?.message ?? '订阅内容不完整' };
  }
  const input: AlertSubscriptionInput = parsed.data;
  const drug = await drugFacts(store, input.drugId);
  if (!drug) return { ok: false, field: 'drugId', message: '没有这个药品' };
  // The present state is the starting point: subscribing while it is in stock says nothing new.
  const fresh = await freshInStockFor(store, drug, input.drugId, input.area, now);
  const mail = input.email ? { email: input.email, nonce: randomBytes(18).toString('base64url') } : null;
  const token = mail ? mailedAlertToken(dataDir, mail.nonce) : randomBytes(24).toString('base64url');
  await insertAlertSubscription(store, { tokenHash: alertTokenHash(token), drugId: input.drugId, area: input.area, wasAvailable: fresh.length > 0, mail, now });
  return { ok: true, token };
}

export async function subscriptionOfToken(store: Store, token: string | undefined): Promise<AlertSubscription | undefined> {
  if (!token || !alertTokenPattern.test(token)) return undefined;
  return alertSubscriptionByTokenHash(store, alertTokenHash(token));
}

/** One tap: the subscription and everything it received are erased. False for an unknown token. */
export async function unsubscribeFromAlerts(store: Store, token: string | undefined): Promise<boolean> {
  const subscription = await subscriptionOfToken(store, token);
  return subscription ? eraseAlertSubscription(store, subscription.id) : false;
}
