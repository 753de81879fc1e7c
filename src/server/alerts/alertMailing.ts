import { type AlertMailSender, alertMailSender } from './alertMail.ts';
import { alertPaths } from './alertPaths.ts';
import { mailedAlertToken } from './alertToken.ts';
import type { PortalConfig } from '../config.ts';
import { publicOriginFor } from '../feeds/publicOrigin.ts';

/** What an alert item says, in the feed and in a message. */
export interface AlertItemText {
  title: string;
  summary: string;
}

/** Where messages go out and what the links in them point at. */
export interface AlertMailDelivery {
  sender: AlertMailSender;
  dataDir: string;
  origin: string;
}

export function alertMailDelivery(cfg: PortalConfig): AlertMailDelivery {
  return { sender: alertMailSender(cfg), dataDir: cfg.DATA_DIR, origin: publicOriginFor(cfg, new URL(`http://${cfg.HOST}:${cfg.PORT}`)) };
}

/**
 * One message per new item, each with the subscription's page and its one-tap unsubscribe. A failed send is
 * logged and not retried: the item is in the feed either way.
 */
export async function mailAlertItems(delivery: AlertMailDelivery, mail: { email: string; nonce: string }, items: readonly AlertItemText[]): Promise<void> {
  const page = new URL(alertPaths(mailedAlertToken(delivery.dataDir, mail.nonce)).page, delivery.origin).toString();
  for (const item of items) {
    const text = `${item.summary}\n\n查看提醒：${page}\n退订（删除这个提醒和您的邮箱）：${page}#unsubscribe\n`;
    await delivery.sender.send({ to: mail.email, subject: item.title, text }).catch((error) => console.error('[alerts] mail failed:', error));
  }
}
