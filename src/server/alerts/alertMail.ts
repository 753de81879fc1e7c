import { createTransport } from 'nodemailer';
import type { PortalConfig } from '../config.ts';
import { logger } from '../observability/logger.ts';

/**
 * E-mail for alert items, through a pluggable sender so that no third-party service is needed to run the
 * portal: by default the message is only logged (the feed is the delivery), with ALERT_SMTP_URL it goes out
 * through that SMTP server (nodemailer).
 */
export interface AlertMail {
  to: string;
  subject: string;
  text: string;
}

export interface AlertMailSender {
  send(mail: AlertMail): Promise<void>;
}

/** Logs who would have got what, with the address masked: logs are read by more people than mail is. */
export const loggingMailSender: AlertMailSender = {
  async send(mail) {
    logger().info({ component: 'alert-mail', to: mail.to.replace(/^(.).*(@.*)$/, '$1***$2'), subject: mail.subject }, 'alert mail (logging sender)');
  },
};

export function smtpMailSender(smtpUrl: string, from: string): AlertMailSender {
  const transport = createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export function alertMailSender(cfg: Pick<PortalConfig, 'ALERT_SMTP_URL' | 'ALERT_MAIL_FROM'>): AlertMailSender {
  return cfg.ALERT_SMTP_URL ? smtpMailSender(cfg.ALERT_SMTP_URL, cfg.ALERT_MAIL_FROM) : loggingMailSender;
}
