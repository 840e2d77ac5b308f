// Outbound mail through the configured SMTP relay (nodemailer). Without a relay (development) the
// caller decides what to log instead; this module never logs addresses or bodies.
import type { Transporter } from 'nodemailer';

export interface OutboundMail {
  to: string;
  subject: string;
  text: string;
  /** Threading (inbox replies): our Message-ID, the one answered and the thread's, angle brackets included. */
  messageId?: string | undefined;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  /** Where the customer's answer goes (the inbox's reply+<token>@ address). */
  replyTo?: string | undefined;
  /** The sender, when not the hub's (an inbox reply: the shop's support address). */
  from?: { name: string; address: string } | undefined;
  /** An HTML alternative to the text (journeys' messages: MJML-rendered). */
  html?: string | undefined;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string> | undefined;
}

export interface Mailer {
  /** False when no relay is configured: nothing can be sent. */
  readonly configured: boolean;
  send(mail: OutboundMail): Promise<void>;
  /** Closes the pooled connections (the hub's shutdown). */
  close?(): void;
  /** Loads the SMTP client now (the background's start) instead of at the first mail. */
  prepare?(): void;
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
  // One pooled transport: a few connections reused across mails (sent over them at once) instead of
  // one handshake per mail; the URL's own settings (?pool=false, ?maxConnections=) win. nodemailer is
  // not loaded by a start that serves no mail; a hub with a relay loads it when its background work
  // starts (prepare): loading it (~45 ms of CPU) at the first mail stalls the event loop at a busy
  // moment, as a journey's first sends come with its first burst of events.
  const smtpUrl = opts.smtpUrl;
  let transport: Promise<Transporter> | undefined;
  let mime: Promise<typeof import('./mime.js')> | undefined;
  const load = () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(
        { url: smtpUrl, pool: true, maxConnections: 5, maxMessages: 1_000 },
        { from: opts.from },
      ),
    );
    mime ??= import('./mime.js');
    return transport;
  };
  return {
    configured: true,
    close: () => void transport?.then((t) => t.close()),
    prepare: () => void load().catch(() => undefined), // a failure shows again at the first mail
    async send(mail) {
      const t = await load();
      // A mail with an HTML part (journeys', many a second) is composed in one buffer (mime.ts).
      if (mail.html) {
        const { composeMime } = await mime!;
        await t.sendMail(composeMime({ ...mail, html: mail.html }, opts.from, new Date()));
        return;
      }
      await t.sendMail({
        from: mail.from ?? opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references?.length ? { references: mail.references } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
    },
  };
}
