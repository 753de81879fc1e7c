import { newWebhookSecret } from '../../domain/webhooks/webhookSignature.ts';
import type { Portal } from '../portal.ts';
import { issueIntakeToken } from '../reports/intakeExport.ts';
import { appendAudit } from '../store/auditLogStore.ts';
import { actorOf, requireRole, type StaffUser } from '../staff/staffAuth.ts';
import { listIntakeTokens, revokeIntakeToken } from '../store/intakeTokenStore.ts';
import { addWebhookEndpoint, disableWebhookEndpoint, listWebhookEndpoints, webhookDeliveryLog } from '../store/webhookStore.ts';

/**
 * The admin's side of the monitoring intake: tokens for the export API and webhook endpoints. Secrets are shown
 * once, when issued; every change is audited.
 */
export async function issueToken(portal: Pick<Portal, 'store'>, user: StaffUser, name: string, allowPersonal: boolean, now = new Date()) {
  requireRole(user, 'admin');
  const issued = await issueIntakeToken(portal.store, name, allowPersonal, user.account.id, now);
  await appendAudit(portal.store, actorOf(user), { action: 'intake_token.issue', regionCode: user.account.regionCode, target: { type: 'intake_token', id: issued.id }, after: { name, allowPersonal } }, now);
  return issued;
}

export async function revokeToken(portal: Pick<Portal, 'store'>, user: StaffUser, id: number, now = new Date()): Promise<void> {
  requireRole(user, 'admin');
  if (await revokeIntakeToken(portal.store, id, now.toISOString())) {
    await appendAudit(portal.store, actorOf(user), { action: 'intake_token.revoke', regionCode: user.account.regionCode, target: { type: 'intake_token', id } }, now);
  }
}

export async function addEndpoint(portal: Pick<Portal, 'store'>, user: StaffUser, name: string, url: string, now = new Date()) {
  requireRole(user, 'admin');
  const secret = newWebhookSecret();
  const { id } = await addWebhookEndpoint(portal.store, { name, url, secret, at: now.toISOString() });
  await appendAudit(portal.store, actorOf(user), { action: 'webhook.add', regionCode: user.account.regionCode, target: { type: 'webhook_endpoint', id }, after: { name, url } }, now);
  return { id, secret };
}

export async function disableEndpoint(portal: Pick<Portal, 'store'>, user: StaffUser, id: number, now = new Date()): Promise<void> {
  requireRole(user, 'admin');
  await disableWebhookEndpoint(portal.store, id, now.toISOString());
  await appendAudit(portal.store, actorOf(user), { action: 'webhook.disable', regionCode: user.account.regionCode, target: { type: 'webhook_endpoint', id } }, now);
}

/** Everything the page shows: tokens (never their values), endpoints, the latest attempts and the dead letters. */
export async function intakeSystemsView(portal: Pick<Portal, 'store'>) {
  const [tokens, endpoints, log, dead] = await Promise.all([
    listIntakeTokens(portal.store),
    listWebhookEndpoints(portal.store),
    webhookDeliveryLog(portal.store, { limit: 50 }),
    webhookDeliveryLog(portal.store, { outcome: 'dead', limit: 100 }),
  ]);
  return { tokens, endpoints, log, dead };
}
