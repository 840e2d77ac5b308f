// A local SMTP server that keeps every message it receives, for tests of mail the hub sends through
// its configured relay (OMNIHUB_SMTP_URL).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  raw: string;
}

export interface SmtpCapture {
  url: string;
  mails: CapturedMail[];
  /** Waits for the next mail to `to` after `after` mails were already seen; returns it. */
  /** The latest mail to `to` (matching `matching`, when given) not returned before. */
  nextMailTo(to: string, timeoutMs?: number, matching?: RegExp): Promise<CapturedMail>;
  /** The six-digit sign-in code of the latest mail to `to`. */
  signInCode(to: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

const SIGN_IN_CODE = /sign-in code is (\d{6})/;

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const taken = new Set<CapturedMail>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  async function nextMailTo(to: string, timeoutMs = 5_000, matching?: RegExp): Promise<CapturedMail> {
    const address = to.toLowerCase();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // An order confirmation passed over by a filtered wait stays for an unfiltered one.
      const mine = mails.filter(
        (m) => !taken.has(m) && m.to.includes(address) && (!matching || matching.test(m.raw)),
      );
      if (mine.length > 0) {
        for (const m of mine) taken.add(m);
        return mine[mine.length - 1]!;
      }
      if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    nextMailTo,
    async signInCode(to, timeoutMs) {
      const mail = await nextMailTo(to, timeoutMs, SIGN_IN_CODE);
      const code = SIGN_IN_CODE.exec(mail.raw)?.[1];
      if (!code) throw new Error(`the mail to ${to} has no sign-in code`);
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
