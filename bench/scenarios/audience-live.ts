// audience-live: 100 audiences ("did Signal k at least twice in 30 days"), Segment events at
// ~1,000/s (qualifying tracks mixed with page views) for thousands of people; the time from sending
// the event that qualifies a person (the later-sent of their two signals) to the audience.entered
// event on the live stream is the latency. Target p99 < 200 ms. correct = every person with two
// signals entered their audience exactly once, and nobody with one signal entered. (Requests in
// flight may commit out of order, so the entry names whichever of the two signals was counted last.)
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { openSse } from '../../test/helpers/sse-client.js';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, type BenchContext, percentile, type Scenario } from '../harness.js';
import { countPerEvent } from '../per-event-counts.js';
import { segmentSourceAuth } from './ingest.js';

/**
 * SQL round trips and hub CPU per event on an in-process hub (load-independent): the same 100
 * audiences, `people` qualifying people's two signals mixed with as many page views, in batches of
 * 50 sent one after another, then the CDP worker and consumers drained. memberCount of the first
 * audience is checked.
 */
async function perEventCounts(b: BenchContext, audiences: number, people: number) {
  let membersRight = false;
  const counts = await countPerEvent(
    b,
    async (inject) => {
      const channel = await inject('POST', '/api/channels', {
        code: 'bench-aud-counts',
        name: 'Bench audiences',
        type: 'web',
        currency: 'EUR',
        locales: ['en'],
      });
      const source = await inject('POST', '/api/customers/sources', {
        channelId: channel.body.id,
        name: 'bench',
      });
      const auth = `Basic ${Buffer.from(`${source.body.writeKey}:`).toString('base64')}`;
      for (let k = 0; k < audiences; k++) {
        const r = await inject('POST', '/api/audiences', {
          key: `signal-${k}`,
          name: `Signal ${k} twice`,
          rule: { type: 'event', name: `Signal ${k}`, count: 2, withinDays: 30 },
        });
        if (r.status !== 201) throw new Error(`audience: ${r.status}`);
      }
      return {
        measured: async () => {
          const events: Array<Record<string, unknown>> = [];
          for (let round = 0; round < 2; round++)
            for (let p = 0; p < people; p++) {
              events.push({ type: 'track', userId: `c-${p}`, event: `Signal ${p % audiences}` });
              events.push({ type: 'page', userId: `c-${p}`, name: 'Product', properties: { path: '/p' } });
            }
          for (let i = 0; i < events.length; i += 50) {
            const batch = events.slice(i, i + 50).map((e) => ({ ...e, messageId: randomUUID() }));
            const r = await inject('POST', '/v1/batch', { batch }, { authorization: auth });
            if (r.status !== 200 || r.body.stored !== batch.length) throw new Error(`batch: ${r.status}`);
          }
          return events.length;
        },
        check: async () => {
          const a = await inject('GET', '/api/audiences/signal-0', undefined);
          membersRight = a.body.memberCount === Math.ceil(people / audiences);
        },
      };
    },
    async (hub) => {
      await hub.cdp.idle();
      await hub.cdp.consumer.caughtUp();
      await hub.cdp.backfill.caughtUp();
      await hub.cdp.idle();
    },
  );
  return counts && { ...counts, membersRight };
}

const scenario: Scenario = async (b) => {
  const audiences = Number(b.args.audiences ?? 100);
  const qualifying = Number(b.args.people ?? 3_000);
  const single = Number(b.args.single ?? 1_000);
  const rate = Number(b.args.rate ?? 1_000);
  const tickMs = 20;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));

  const { authorization: auth } = await segmentSourceAuth(b, `bench-aud-${Date.now().toString(36)}`);
  const ids: string[] = [];
  for (let k = 0; k < audiences; k++) {
    const r = await api<{ id: string }>(b, 'POST', '/api/audiences', {
      key: `signal-${k}`,
      name: `Signal ${k} twice`,
      rule: { type: 'event', name: `Signal ${k}`, count: 2, withinDays: 30 },
    });
    if (r.status !== 201) throw new Error(`audience: ${r.status} ${JSON.stringify(r.body)}`);
    ids.push(r.body.id);
  }

  // The events, in sending order: each qualifying person's first signal, then (later) the second;
  // single-signal people get one; page views fill the rest of each tick up to the rate.
  type Ev = Record<string, unknown> & { messageId: string };
  const firsts: Ev[] = [];
  const seconds: Ev[] = [];
  const signal = (p: number): Ev => ({
    messageId: randomUUID(),
    type: 'track',
    userId: `aud-user-${p}`,
    event: `Signal ${p % audiences}`,
    properties: { n: p },
  });
  for (let p = 0; p < qualifying + single; p++) firsts.push(signal(p));
  for (let p = 0; p < qualifying; p++) seconds.push(signal(p));
  // Message id → person, for both signals of every qualifying person (and singles, to catch them).
  const personOf = new Map<string, number>();
  for (const [p, e] of firsts.entries()) personOf.set(e.messageId, p);
  for (const [p, e] of seconds.entries()) personOf.set(e.messageId, p);
  const signals = [...firsts, ...seconds];
  let pages = 0;
  const sentAt = new Map<string, number>();
  const entered = new Map<number, number>();
  const latencies: number[] = [];
  let unexpected = 0;

  const stream = await openSse(`${b.baseUrl}/api/stream?types=audience.entered`, {
    authorization: `Bearer ${b.adminKey}`,
  });
  if (stream.status !== 200) throw new Error(`stream: ${stream.status}`);
  stream.onFrame = (f) => {
    const at = performance.now();
    const e = JSON.parse(f.data) as { type?: string; data?: { causedBy?: string | null } };
    if (e.type !== 'audience.entered') return;
    const p = personOf.get(e.data?.causedBy ?? '');
    if (p === undefined || p >= qualifying) {
      unexpected++;
      return;
    }
    entered.set(p, (entered.get(p) ?? 0) + 1);
    const t0 = Math.max(sentAt.get(firsts[p]!.messageId) ?? 0, sentAt.get(seconds[p]!.messageId) ?? 0);
    latencies.push(at - t0);
  };
  await new Promise((r) => setTimeout(r, 500));

  const send = async (batch: Ev[]) => {
    const t0 = performance.now();
    for (const e of batch) sentAt.set(e.messageId, t0);
    const res = await fetch(`${b.baseUrl}/v1/batch`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ batch: batch.map((e) => ({ ...e, timestamp: new Date().toISOString() })) }),
    });
    const body = (await res.json()) as { stored: number };
    return res.status === 200 ? body.stored : 0;
  };

  const [hubCpu0, dbCpu0] = [await hubCpuMs(b), await dbCpuMs(b)];
  const load0 = loadavg()[0]!;
  const started = performance.now();
  let next = 0;
  let stored = 0;
  let sent = 0;
  const inFlight: Promise<void>[] = [];
  // Half of each tick is signals, half page views: ~rate events per second in total.
  for (let tick = 0; next < signals.length; tick++) {
    const due = started + tick * tickMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const batch: Ev[] = signals.slice(next, next + Math.ceil(perTick / 2));
    next += batch.length;
    while (batch.length < perTick) {
      batch.push({
        messageId: randomUUID(),
        type: 'page',
        userId: `aud-user-${pages++ % (qualifying + single)}`,
        name: 'Product',
        properties: { path: '/p' },
      } as Ev);
    }
    sent += batch.length;
    const p = send(batch).then((n) => {
      stored += n;
    });
    inFlight.push(p);
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - started) / 1000;
  const deadline = Date.now() + 30_000;
  while (latencies.length < qualifying && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500)); // late duplicates or wrong entries would show here
  stream.close();
  const [hubCpu1, dbCpu1] = [await hubCpuMs(b), await dbCpuMs(b)];

  const enteredOnce = [...entered.values()].filter((n) => n === 1).length;
  const counts = await Promise.all(
    ids
      .slice(0, 5)
      .map(
        async (id) => (await api<{ memberCount: number }>(b, 'GET', `/api/audiences/${id}`)).body.memberCount,
      ),
  );
  const expectedPerAudience = (k: number) =>
    Array.from({ length: qualifying }, (_, p) => p).filter((p) => p % audiences === k).length;
  const membersRight = counts.every((n, k) => n === expectedPerAudience(k));
  const p99 = percentile(latencies, 99);
  b.log('counting SQL round trips and CPU per event on an in-process hub');
  const perEvent = b.args['no-counts']
    ? null
    : await perEventCounts(b, audiences, Number(b.args['count-people'] ?? 1_000));
  const hubCpuMicros = (hubCpu0 === null || hubCpu1 === null ? null : (hubCpu1 - hubCpu0) * 1000) ?? null;
  return {
    metric: 'entry_latency_p99',
    value: Math.round(p99 * 10) / 10,
    unit: 'ms',
    p50_ms: percentile(latencies, 50),
    p99_ms: p99,
    correct:
      enteredOnce === qualifying &&
      unexpected === 0 &&
      stored === sent &&
      membersRight &&
      perEvent?.membersRight !== false,
    target: { op: '<=', value: 200, unit: 'ms', met: p99 < 200 },
    details: {
      audiences,
      qualifyingPeople: qualifying,
      singleSignalPeople: single,
      eventsSent: sent,
      eventsStored: stored,
      eventsPerSecond: Math.round(sent / sendSeconds),
      enteredOnce,
      unexpectedEntries: unexpected,
      memberCountsChecked: counts.length,
      membersRight,
      hubCpuMsTotal: hubCpu0 === null || hubCpu1 === null ? null : Math.round(hubCpu1 - hubCpu0),
      dbCpuMsTotal: dbCpu0 === null || dbCpu1 === null ? null : Math.round(dbCpu1 - dbCpu0),
      hubCpuMicrosPerEvent: hubCpuMicros === null ? null : Math.round(hubCpuMicros / Math.max(sent, 1)),
      dbCpuMicrosPerEvent:
        dbCpu0 === null || dbCpu1 === null
          ? null
          : Math.round(((dbCpu1 - dbCpu0) * 1000) / Math.max(sent, 1)),
      perEventInProcess: perEvent,
      loadAverage1m: { before: load0, after: loadavg()[0] },
    },
  };
};

export default scenario;
