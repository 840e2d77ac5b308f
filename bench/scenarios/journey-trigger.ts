// journey-trigger: events that start a journey (`order.ready_for_pickup`, appended to the log at
// ~1,000/s in 20 ms ticks) → the triggered message queued with consent checked (the journey's
// consumer starts the run, the sweeper asks consent and queues or refuses the message). Latency =
// the send row's creation time minus the commit of the event that caused it. Target p99 < 200 ms.
// correct = one message per event (never two), refused exactly for the customers who denied
// consent, and every allowed one delivered once to the SMTP sink. An in-process hub on a fresh
// PostgreSQL database, so the harness's hub process idles. The load generator (the event appender
// and the SMTP sink) runs in a child process (bench/journey-load.ts): this process's CPU is the
// hub's; each commit there wakes the hub's consumer as a commit of its own would. PostgreSQL only.
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { type BenchContext, percentile, type Scenario } from '../harness.js';
import type { AppendPlan, LoadMessage } from '../journey-load.js';

async function inProcessHub(smtpUrl: string) {
  const { createHub } = await import('../../src/app.js');
  const { loadConfig } = await import('../../src/platform/config.js');
  const { openDatabase } = await import('../../src/platform/db/database.js');
  const { createFreshPostgresDatabase } = await import('../../src/platform/testing/test-databases.js');
  const base =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  const fresh = await createFreshPostgresDatabase(base);
  const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 20 });
  const adminKey = 'ohk_bench_journeys_admin_key_000000000000000';
  const hub = await createHub({
    config: {
      ...loadConfig({}),
      port: 0,
      adminKey,
      demo: false,
      databaseUrl: fresh.url,
      natsUrl: undefined,
      smtpUrl,
    },
    log: pino({ level: 'silent' }),
    database,
  });
  const inject = async (method: string, url: string, body?: unknown) => {
    const res = await hub.http.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? JSON.parse(res.body) : undefined;
  };
  return { hub, inject, drop: fresh.drop, url: fresh.url };
}

/** The load generator's child process: its SMTP sink's URL once listening, then its messages. */
async function startLoad() {
  const child = fork(join(import.meta.dirname, '../journey-load.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const listeners = new Set<(m: LoadMessage) => void>();
  child.on('message', (m: LoadMessage) => {
    for (const l of listeners) l(m);
  });
  const next = <K extends LoadMessage['kind']>(kind: K) =>
    new Promise<Extract<LoadMessage, { kind: K }>>((resolve, reject) => {
      const l = (m: LoadMessage) => {
        if (m.kind !== kind) return;
        listeners.delete(l);
        resolve(m as Extract<LoadMessage, { kind: K }>);
      };
      listeners.add(l);
      child.once('exit', (code) => reject(new Error(`journey-load exited (${code})`)));
    });
  const { url } = await next('smtpUrl');
  return {
    smtpUrl: url,
    on: (l: (m: LoadMessage) => void) => listeners.add(l),
    append: (plan: AppendPlan) => child.send({ kind: 'append', plan }),
    appended: () => next('appended'),
    status: () => {
      const s = next('status');
      child.send({ kind: 'status' });
      return s;
    },
    close: async () => {
      child.send({ kind: 'close' });
      await new Promise((r) => child.once('exit', r));
    },
  };
}

const scenario: Scenario = async (b: BenchContext) => {
  if (b.db !== 'postgres') throw new Error('journey-trigger runs on PostgreSQL (--db postgres)');
  const rate = Number(b.args.rate ?? 1_000);
  const seconds = Number(b.args.seconds ?? 5);
  const people = Number(b.args.people ?? 200);
  const original = pg.Client.prototype.query;
  const load = await startLoad();
  const { hub, inject, drop, url } = await inProcessHub(load.smtpUrl);
  const { rows } = await import('../../src/platform/db/database.js');
  try {
    const channel = await inject('POST', '/api/channels', {
      code: 'bench-journeys',
      name: 'Bench store',
      type: 'store',
      currency: 'EUR',
      locales: ['nl'],
    });
    await inject('PUT', '/api/journeys/pickup_ready', {
      enabled: true,
      delaySeconds: 0,
      channelOrder: ['email'],
    });
    const customers: string[] = [];
    const denied = new Set<string>();
    for (let p = 0; p < people; p++) {
      const r = await inject('POST', '/api/customers/identify', {
        channelId: channel.id,
        identifiers: [{ type: 'email', value: `bench-${p}@example.test` }],
      });
      customers.push(r.customerId);
      if (p % 2 === 1) {
        await inject('PUT', `/api/customers/${r.customerId}/consent`, {
          purpose: 'transactional',
          channel: '*',
          granted: false,
        });
        denied.add(r.customerId);
      }
    }
    b.log(`${people} customers (half denied consent); appending ~${rate} events/s for ${seconds} s`);

    // Per-event counts (load-independent): every statement of this process's pg clients (the hub's
    // consumer, sweeper and delivery; the appends are the child's) and this process's CPU (the
    // hub's, plus this harness's few polls), from the first append until every message is settled.
    let statements = 0;
    const counted = function (this: unknown, ...args: unknown[]) {
      statements++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    pg.Client.prototype.query = counted as typeof original;
    let reads = 0;
    const committedAt = new Map<string, number>();
    load.on((m) => {
      if (m.kind !== 'committed') return;
      for (const s of m.subjects) committedAt.set(s, m.at);
      hub.database.notifier.notify(); // what the commit would do in the hub's own process
    });
    const total = rate * seconds;
    const customerOf = (i: number) => customers[i % customers.length]!;
    const load0 = loadavg()[0]!;
    const cpu0 = process.cpuUsage();
    const appended = load.appended();
    load.append({ databaseUrl: url, rate, seconds, channelId: channel.id, customers });
    const sendSeconds = (await appended).seconds;

    type Row = { order_id: string; status: string; created_at: string; sent_at: string | null; n: number };
    const read = () => {
      reads++; // the harness's own reads are not the hub's work
      return rows<Row>(
        hub.database.db,
        sql`select s.vars->>'orderNumber' as order_id, s.status, s.created_at, s.sent_at,
          count(*) over (partition by s.run_id) as n from messaging_sends s`,
      );
    };
    let allowed = 0;
    for (let i = 0; i < total; i++) if (!denied.has(customerOf(i))) allowed++;
    // Polled with a count (parsing every row five times a second would be counted as the hub's CPU).
    const settled = async () => {
      reads++;
      const [r] = await rows<{ n: number }>(
        hub.database.db,
        sql`select count(*)::int as n from messaging_sends where status <> 'queued'`,
      );
      return r!.n;
    };
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && (await settled()) < total) await new Promise((r) => setTimeout(r, 200));
    const cpu = process.cpuUsage(cpu0);
    const found = await read();
    pg.Client.prototype.query = original;
    const sink = await load.status();
    const latencies: number[] = [];
    const sentLatencies: number[] = [];
    let wrong = 0;
    for (const r of found) {
      const i = Number(r.order_id.slice(2));
      const t0 = committedAt.get(`ord_bench${String(i).padStart(8, '0')}`);
      if (t0 === undefined) continue;
      latencies.push(new Date(r.created_at).getTime() - t0);
      if (r.sent_at) sentLatencies.push(new Date(r.sent_at).getTime() - t0);
      const isDenied = denied.has(customerOf(i));
      if (isDenied !== (r.status === 'refused') || Number(r.n) !== 1) wrong++;
    }
    const sent = found.filter((r) => r.status === 'sent').length;
    const p99 = percentile(latencies, 99);
    return {
      metric: 'trigger_to_queued_p99',
      value: Math.round(p99 * 10) / 10,
      unit: 'ms',
      p50_ms: percentile(latencies, 50),
      p99_ms: p99,
      correct: found.length === total && wrong === 0 && sent === allowed && sink.mails === allowed,
      target: { op: '<=', value: 200, unit: 'ms', met: p99 < 200 },
      units: { count: total, name: 'events' },
      details: {
        events: total,
        eventsPerSecond: Math.round(total / sendSeconds),
        messages: found.length,
        refusedForConsent: found.filter((r) => r.status === 'refused').length,
        sent,
        mailsCaptured: sink.mails,
        wrong,
        eventToSentP50Ms: percentile(sentLatencies, 50),
        eventToSentP99Ms: percentile(sentLatencies, 99),
        sqlRoundTripsPerEvent: Math.round(((statements - reads) / total) * 100) / 100,
        // The hub's (consumer, sweeper, delivery, its pg client, nodemailer) vs the child's.
        hubCpuMicrosPerEvent: Math.round((cpu.user + cpu.system) / total),
        loadGeneratorCpuMicrosPerEvent: Math.round(sink.cpuMicros / total),
        loadAverage1m: { before: load0, after: loadavg()[0] },
      },
    };
  } finally {
    pg.Client.prototype.query = original;
    await hub.close();
    await hub.database.close();
    await load.close();
    await drop();
  }
};

export default scenario;
