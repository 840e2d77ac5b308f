// smtp-ingest: mails sent with a real SMTP client (nodemailer, pooled connections) to the hub's own
// SMTP server (OMNIHUB_SMTP_PORT), each parsed, resolved to a customer by its From address and
// threaded: later mails carry In-Reply-To/References of the person's first mail. Every fifth round
// the mail comes from another address quoting that thread (a forward): by the hub's rule a thread of
// someone else is not joined on a hint alone, so each such sender gets a conversation of their own.
// Target ≥ 200 mails/s. correct = every mail accepted, every mail one message (a redelivered
// Message-ID stores nothing), and exactly one conversation per person and one per forwarding address.
import { connect } from 'node:net';
import { loadavg } from 'node:os';
import nodemailer from 'nodemailer';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, type BenchContext, freePort, percentile, type Scenario } from '../harness.js';

const SMTP_PORT = await freePort();
export const hubEnv = {
  OMNIHUB_SMTP_PORT: String(SMTP_PORT),
  OMNIHUB_INBOX_MAIL_DOMAIN: 'shop.bench.example',
};

interface Mail {
  from: string;
  messageId: string;
  inReplyTo?: string;
  subject: string;
  text: string;
}

function mailsFor(people: number, rounds: number): Mail[] {
  const mails: Mail[] = [];
  for (let r = 0; r < rounds; r++)
    for (let p = 0; p < people; p++) {
      const first = `<p${p}-r0@people.bench.example>`;
      const answer = r % 5 === 4;
      mails.push({
        from: answer
          ? `Person ${p} <other.${p}@elsewhere.bench.example>`
          : `Person ${p} <person.${p}@people.bench.example>`,
        messageId: `<p${p}-r${r}@people.bench.example>`,
        ...(answer || r > 0 ? { inReplyTo: first } : {}),
        subject: r === 0 ? `Order question ${p}` : `Re: Order question ${p}`,
        text: `Message ${r} from person ${p}.\n\nKind regards`,
      });
    }
  return mails;
}

async function emailTotals(b: BenchContext) {
  let cursor: string | null = null;
  let conversations = 0;
  let messages = 0;
  do {
    const q: string = `/api/inbox/conversations?channelKind=email&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api<{ items: Array<{ messageCount: number }>; nextCursor: string | null }>(
      b,
      'GET',
      q,
    );
    conversations += page.body.items.length;
    messages += page.body.items.reduce((s, c) => s + c.messageCount, 0);
    cursor = page.body.nextCursor;
  } while (cursor);
  return { conversations, messages };
}

/**
 * Waits until the hub's SMTP server greets (it starts with the hub's background work, after /ready):
 * mails sent before would fail at once with a refused connection and count as lost.
 */
async function smtpGreets(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('data', (d) => {
        socket.end('QUIT\r\n');
        resolve(d.toString('latin1').startsWith('220'));
      });
      socket.once('error', () => resolve(false));
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error(`no SMTP greeting on port ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const scenario: Scenario = async (b) => {
  const people = Number(b.args.people ?? 200);
  const rounds = Number(b.args.rounds ?? (b.db === 'postgres' ? 30 : 10));
  const clients = Number(b.args.clients ?? 8);
  // With --url the hub is someone else's: --smtp-port names its SMTP port.
  const port = Number(b.args['smtp-port'] ?? SMTP_PORT);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: clients,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  const send = (m: Mail) =>
    transport.sendMail({
      from: m.from,
      to: 'support@shop.bench.example',
      subject: m.subject,
      text: m.text,
      messageId: m.messageId,
      ...(m.inReplyTo ? { inReplyTo: m.inReplyTo, references: [m.inReplyTo] } : {}),
    });

  await smtpGreets(port);
  const queue = mailsFor(people, rounds);
  const total = queue.length;
  let accepted = 0;
  let failures = 0;
  const failedWith = new Map<string, number>();
  const latencies: number[] = [];
  const [hubCpu0, dbCpu0] = [await hubCpuMs(b), await dbCpuMs(b)];
  const load0 = loadavg()[0]!;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        const t0 = performance.now();
        try {
          const r = await send(m);
          if (r.accepted.length === 1) accepted++;
          else failures++;
        } catch (err) {
          failures++;
          const reason = String((err as Error).message).slice(0, 160);
          failedWith.set(reason, (failedWith.get(reason) ?? 0) + 1);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [hubCpu1, dbCpu1] = [await hubCpuMs(b), await dbCpuMs(b)];
  // A redelivery (same Message-ID) is accepted and stores nothing.
  await send(mailsFor(1, 1)[0]!);
  transport.close();
  const totals = await emailTotals(b);

  const perSecond = Math.round(accepted / seconds);
  const perMail = (a: number | null, z: number | null) =>
    a === null || z === null ? null : Math.round(((z - a) * 1000) / Math.max(accepted, 1));
  return {
    metric: 'mails_per_second',
    value: perSecond,
    unit: 'mails/s',
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    correct:
      failures === 0 &&
      accepted === total &&
      totals.messages === total &&
      totals.conversations === people * (rounds >= 5 ? 2 : 1),
    target: { op: '>=', value: 200, unit: 'mails/s' },
    details: {
      people,
      rounds,
      clients,
      mailsSent: total,
      mailsAccepted: accepted,
      failedMails: failures,
      failedWith: Object.fromEntries([...failedWith].slice(0, 5)),
      emailMessagesStored: totals.messages,
      emailConversations: totals.conversations,
      forwardsFromOtherAddresses: people * Math.floor(rounds / 5),
      seconds: Math.round(seconds * 100) / 100,
      hubCpuMicrosPerMail: perMail(hubCpu0, hubCpu1),
      dbCpuMicrosPerMail: perMail(dbCpu0, dbCpu1),
      loadAverage1m: { before: load0, after: loadavg()[0] },
    },
  };
};

export default scenario;
