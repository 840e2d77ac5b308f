// The inbox's own SMTP server for inbound mail (smtp-server + mailparser), on OMNIHUB_SMTP_PORT.
// Each mail becomes an inbound message of the customer named by its From address (claimed: mail is
// not signed here), threaded by In-Reply-To / References and by a reply+<token>@ recipient, deduped
// by Message-ID (a mail without one by the hash of its bytes). A mail that cannot be parsed is kept
// raw, unparsed, for an agent to inspect. An attachment over the limit is refused in the SMTP answer.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { SMTPServerSession } from 'smtp-server';
import type { InboundMessageInput, InboxFlow } from '../../flows/inbox/index.js';
import { isAppError } from '../../kernel/index.js';
import type { Ctx } from '../../platform/context.js';

export interface SmtpInboundOptions {
  flow: Pick<InboxFlow, 'receiveInbound'>;
  /** The hub channel whose support address is among the recipients, if any. */
  channelOfRecipients?: ((ctx: Ctx, addresses: string[]) => Promise<string | null>) | undefined;
  ctx: () => Ctx;
  port: number;
  host: string;
  /** The largest mail accepted (bytes, whole message). */
  maxMessageBytes: number;
}

export interface SmtpInbound {
  readonly port: number;
  close(): Promise<void>;
}

const REPLY_TOKEN = /^reply\+([a-f0-9]{32})@/i;

const firstAddress = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a[0] : a)?.value
    .find((v) => v.address)
    ?.address?.trim()
    .toLowerCase();

/** A received mail (its bytes and SMTP envelope) as the inbox flow's input. */
export async function mailToInbound(
  raw: Buffer,
  envelope: { mailFrom: string | null; rcptTo: string[] },
  now: Date,
): Promise<InboundMessageInput> {
  const replyToken = envelope.rcptTo
    .map((r) => REPLY_TOKEN.exec(r)?.[1])
    .find(Boolean)
    ?.toLowerCase();
  const digest = `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  let parsed: ParsedMail | null = null;
  try {
    // mailparser (~0.15 s of CPU to load) loads at the first mail, not at every start.
    const { simpleParser } = await import('mailparser');
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  } catch {
    parsed = null;
  }
  const sender = (parsed && firstAddress(parsed.from)) ?? envelope.mailFrom?.toLowerCase() ?? 'unknown';
  const base = {
    channelKind: 'email' as const,
    from: { identifierType: 'email', value: sender, trust: 'claimed' as const },
    threadHints: { ...(replyToken ? { replyToken } : {}) },
  };
  if (!parsed || parsed.headers.size === 0) {
    // Nothing we can read as a mail: kept whole, for an agent to inspect.
    return { ...base, externalId: digest, text: raw.toString('utf8'), unparsed: true, occurredAt: now };
  }
  const name = (Array.isArray(parsed.from) ? parsed.from[0] : parsed.from)?.value[0]?.name;
  const refs = [
    ...(parsed.inReplyTo ? [parsed.inReplyTo] : []),
    ...(Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : []),
  ].flatMap((r) => r.split(/\s+/).filter(Boolean));
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) && parsed.date < now ? parsed.date : now;
  return {
    ...base,
    from: { ...base.from, ...(name ? { name } : {}) },
    externalId: parsed.messageId ? parsed.messageId.replace(/^<|>$/g, '') : digest,
    threadHints: { ...base.threadHints, references: refs },
    subject: parsed.subject ?? null,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? 'attachment',
      contentType: a.contentType,
      content: a.content,
    })),
    occurredAt: date,
  };
}

/** A refusal the sending server understands: 5xx is final, 4xx asks it to try later. */
function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpInbound(opts: SmtpInboundOptions): Promise<SmtpInbound> {
  // Only a hub with OMNIHUB_SMTP_PORT set loads the SMTP server.
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.maxMessageBytes,
    logger: false,
    banner: 'Omnihub inbox',
    onData(stream, session: SMTPServerSession, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          done(smtpError(`Message is larger than ${opts.maxMessageBytes} bytes`, 552));
          return;
        }
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        const ctx = opts.ctx();
        mailToInbound(Buffer.concat(chunks), envelope, ctx.clock.now())
          .then(async (input) => {
            const channelId = await opts.channelOfRecipients?.(ctx, envelope.rcptTo);
            return opts.flow.receiveInbound(ctx, channelId ? { ...input, channelId } : input);
          })
          .then(() => done())
          .catch((err) => {
            if (isAppError(err, 'attachment_too_large')) return done(smtpError(err.message, 552));
            ctx.log.warn({ err }, 'inbound mail could not be stored; the sender will retry');
            done(smtpError('Temporary failure, try again later', 451));
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  server.on('error', (err) => opts.ctx().log.warn({ err }, 'SMTP server error'));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
