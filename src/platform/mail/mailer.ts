// Outbound mail through the configured SMTP relay (nodemailer). Without a relay (development) the
// caller decides what to log instead; this module never logs addresses or bodies.
import nodemailer from 'nodemailer';

export interface OutboundMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** False when no relay is configured: nothing can be sent. */
  readonly configured: boolean;
  send(mail: OutboundMail): Promise<void>;
}

export function createMailer(opts: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!opts.smtpUrl) {
    return {
      configured: false,
      send: async () => {
        throw new Error('No SMTP relay is configured (OMNIHUB_SMTP_URL)');
      },
    };
  }
  // One pooled transport: connections are reused across codes instead of one handshake per mail.
  const transport = nodemailer.createTransport(opts.smtpUrl, { from: opts.from });
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
