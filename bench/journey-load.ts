// The load generator of the journey-trigger scenario, in its own process so its CPU is not counted
// as the hub's: the SMTP sink that receives and parses the hub's mails, and the appender of the
// trigger events (its own pg connections). It tells the bench after every commit, and the bench
// wakes the hub's consumer as its own commits would (bench/scenarios/journey-trigger.ts).
// Messages: in {append}, {status}, {close}; out {smtpUrl}, {committed}, {appended}, {status}.
import pino from 'pino';
import { startSmtpCapture } from '../test/helpers/smtp-capture.js';

export interface AppendPlan {
  databaseUrl: string;
  rate: number;
  seconds: number;
  channelId: string;
  customers: string[];
}

export type LoadMessage =
  | { kind: 'smtpUrl'; url: string }
  | { kind: 'committed'; subjects: string[]; at: number }
  | { kind: 'appended'; seconds: number }
  | { kind: 'status'; mails: number; cpuMicros: number };

const send = (m: LoadMessage) => process.send!(m);

function eventOf(i: number, plan: AppendPlan) {
  const orderId = `ord_bench${String(i).padStart(8, '0')}`;
  return {
    type: 'order.ready_for_pickup',
    subject: orderId,
    channelId: plan.channelId,
    payload: {
      orderId,
      orderNumber: `B-${i}`,
      channelId: plan.channelId,
      source: 'native',
      customerId: plan.customers[i % plan.customers.length]!,
      status: 'allocated',
      currency: 'EUR',
      grandTotal: 1000,
      paidAmount: 1000,
      refundedAmount: 0,
      delivery: 'pickup',
      itemCount: 1,
      fulfilmentId: `ful_bench${i}`,
      locationId: 'loc_bench',
      pickupCode: 'H4KM9Q2T',
      email: null,
      phone: null,
    },
  };
}

/** ~rate events/s in 20 ms ticks, each tick one transaction; reports every commit's time. */
async function append(plan: AppendPlan) {
  const { createContext, inTransaction } = await import('../src/platform/context.js');
  const { appendEvents } = await import('../src/platform/events/event-log.js');
  const { openDatabase } = await import('../src/platform/db/database.js');
  const database = await openDatabase({ databaseUrl: plan.databaseUrl, poolSize: 8 });
  const ctx = createContext(database, { clock: { now: () => new Date() }, log: pino({ level: 'silent' }) });
  const tickMs = 20;
  const perTick = Math.max(1, Math.round((plan.rate * tickMs) / 1000));
  const total = plan.rate * plan.seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let tick = 0, n = 0; n < total; tick++) {
    const wait = started + tick * tickMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const batch = Array.from({ length: Math.min(perTick, total - n) }, () => eventOf(n++, plan));
    inFlight.push(
      inTransaction(ctx, (tx) => appendEvents(tx, batch)).then(() => {
        send({ kind: 'committed', subjects: batch.map((e) => e.subject), at: Date.now() });
      }),
    );
  }
  await Promise.all(inFlight);
  send({ kind: 'appended', seconds: (performance.now() - started) / 1000 });
  await database.close();
}

const smtp = await startSmtpCapture();
let cpu0 = process.cpuUsage();
process.on('message', (m: { kind: string; plan?: AppendPlan }) => {
  if (m.kind === 'append') {
    cpu0 = process.cpuUsage();
    void append(m.plan!);
  } else if (m.kind === 'status') {
    const c = process.cpuUsage(cpu0);
    send({ kind: 'status', mails: smtp.mails.length, cpuMicros: c.user + c.system });
  } else if (m.kind === 'close') void smtp.close().then(() => process.exit(0));
});
send({ kind: 'smtpUrl', url: smtp.url });
