// Servers going away under two hub nodes on a private PostgreSQL and NATS:
// - PostgreSQL restarted under load: writes answer 503 while it is down (never 500), /ready says 503,
//   the nodes recover alone, and an SSE client connected throughout (resuming with Last-Event-ID if
//   its stream is closed) misses no acknowledged write and sees none twice.
// - NATS stopped for longer than the client library's old give-up time: /ready says `degraded`,
//   writes go on and reach SSE clients, the nodes reconnect alone, the relay publishes everything
//   committed meanwhile, and fan-out is back to milliseconds.
// - A commit on either node wakes the other's SSE clients at once (p99 < 50 ms both ways).
import { cpus, loadavg } from 'node:os';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile, type SpawnedHub } from '../../bench/harness.js';
import { openSse, type SseClient, type SseFrame } from '../helpers/sse-client.js';
import { type Cluster, FAULTS_ADMIN, startCluster } from './cluster.js';
import { privateServersAvailable } from './private-servers.js';

/** FAULTS_NATS_OUTAGE_MS=120000 runs the two-minute outage; CI uses 25 s (past the old 20 s give-up). */
const NATS_OUTAGE_MS = Number(process.env.FAULTS_NATS_OUTAGE_MS ?? 25_000);

async function call(node: SpawnedHub, method: string, path: string, body?: unknown) {
  const res = await fetch(`${node.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${FAULTS_ADMIN}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    type: res.headers.get('content-type'),
  };
}

/** An SSE client that resumes with Last-Event-ID whenever its stream ends, as a browser does. */
function resumingSse(node: () => SpawnedHub, types: string) {
  const frames: SseFrame[] = [];
  let current: SseClient | undefined;
  let closed = false;
  let reconnects = 0;
  const run = async () => {
    while (!closed) {
      const last = frames[frames.length - 1]?.id;
      try {
        const sse = await openSse(`${node().baseUrl}/api/stream?types=${types}`, {
          authorization: `Bearer ${FAULTS_ADMIN}`,
          ...(last ? { 'last-event-id': last } : {}),
        });
        current = sse;
        if (sse.status === 200) {
          sse.onFrame = (f) => frames.push(f);
          await sse.ended;
        }
      } catch {
        // refused while the database is down: try again
      }
      if (!closed) {
        reconnects++;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };
  const running = run();
  return {
    frames,
    reconnects: () => reconnects,
    async close() {
      closed = true;
      current?.close();
      await running;
    },
  };
}

const figures = (t: { total: number[]; afterAck: number[] }) =>
  `p50 ${percentile(t.total, 50).toFixed(1)} ms, p99 ${percentile(t.total, 99).toFixed(1)} ms; after the ` +
  `acknowledgement p50 ${percentile(t.afterAck, 50).toFixed(1)} ms, p99 ${percentile(t.afterAck, 99).toFixed(1)} ms ` +
  `(load ${loadavg()[0]!.toFixed(1)})`;

/**
 * Woken, not polled (the stream's poll is 250 ms): p99 < 50 ms from the write to the other node's
 * SSE client, the bound. On a machine loaded past its cores (helpers sharing it) the write
 * itself takes that long, so there the bound is on the time after the write was acknowledged, and
 * on its median: a 250 ms poll would put that near 125 ms.
 */
function expectWoken(t: { total: number[]; afterAck: number[] }) {
  if (loadavg()[0]! <= cpus().length) expect(percentile(t.total, 99)).toBeLessThan(50);
  else expect(percentile(t.afterAck, 50)).toBeLessThan(60);
}

const nameOf = (f: SseFrame) => JSON.parse(f.data).data.channel.name as string;

describe.skipIf(!privateServersAvailable())('PostgreSQL and NATS restarts under two nodes', () => {
  let cluster: Cluster;
  let channelId: string;
  let a: SpawnedHub;
  let b: SpawnedHub;

  beforeAll(async () => {
    cluster = await startCluster(2);
    [a, b] = cluster.nodes as [SpawnedHub, SpawnedHub];
    const ch = await call(a, 'POST', '/api/channels', {
      code: 'faults',
      name: 'Faults',
      type: 'web',
      currency: 'EUR',
      locales: ['en'],
    });
    expect(ch.status).toBe(201);
    channelId = ch.body.id;
  }, 180_000);

  afterAll(async () => {
    await cluster?.close();
  });

  /** Write on one node, time until the other node's SSE client has it. */
  async function wakeLatencies(from: SpawnedHub, to: SpawnedHub, n: number, tag: string) {
    const sse = await openSse(`${to.baseUrl}/api/stream?types=channel.updated`, {
      authorization: `Bearer ${FAULTS_ADMIN}`,
    });
    expect(sse.status).toBe(200);
    const arrivals = new Map<string, number>();
    sse.onFrame = (f) => arrivals.set(nameOf(f), performance.now());
    const total: number[] = [];
    const afterAck: number[] = [];
    try {
      for (let i = 0; i < n; i++) {
        const name = `${tag} ${i}`;
        const started = performance.now();
        expect((await call(from, 'PATCH', `/api/channels/${channelId}`, { name })).status).toBe(200);
        const acked = performance.now();
        await sse.waitFor((fs) => fs.some((f) => nameOf(f) === name), 10_000);
        // waitFor polls every 10 ms: take the frame's own arrival time instead.
        const arrived = arrivals.get(name) ?? performance.now();
        total.push(arrived - started);
        afterAck.push(Math.max(0, arrived - acked));
      }
    } finally {
      sse.close();
    }
    return { total, afterAck };
  }

  it('wakes the other node’s SSE clients within milliseconds of a commit on either node', async () => {
    await wakeLatencies(a, b, 5, 'warm'); // connections and caches
    const ab = await wakeLatencies(a, b, 40, 'a→b');
    const ba = await wakeLatencies(b, a, 40, 'b→a');
    console.info(`write → other node's SSE: a→b ${figures(ab)}; b→a ${figures(ba)}`);
    expectWoken(ab);
    expectWoken(ba);
  });

  it('answers 503 while PostgreSQL restarts, recovers alone, and a connected SSE client misses nothing', async () => {
    const sse = resumingSse(() => b, 'channel.updated');
    await new Promise((r) => setTimeout(r, 500));
    const acked: string[] = [];
    const statuses = new Map<number, number>();
    let stop = false;
    const writer = async (node: SpawnedHub, tag: string) => {
      for (let i = 0; !stop; i++) {
        const name = `pg ${tag} ${i}`;
        const r = await call(node, 'PATCH', `/api/channels/${channelId}`, { name }).catch(() => ({
          status: 0,
          type: null,
          body: undefined,
        }));
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 200) acked.push(name);
        else expect(r.type ?? '', `status ${r.status}`).toContain('application/problem+json');
        await new Promise((res) => setTimeout(res, r.status === 200 ? 5 : 100));
      }
    };
    const writers = [writer(a, 'a'), writer(b, 'b')];
    await new Promise((r) => setTimeout(r, 1500));
    const logFrom = [a.logLines.length, b.logLines.length];
    await cluster.postgres.stop();
    await new Promise((r) => setTimeout(r, 1000));
    const ready = await fetch(`${a.baseUrl}/ready`);
    expect(ready.status).toBe(503);
    await new Promise((r) => setTimeout(r, 2000));
    await cluster.postgres.start();
    // Recovery alone: both nodes ready again and writing.
    const back = Date.now();
    for (const node of [a, b]) {
      while ((await fetch(`${node.baseUrl}/ready`)).status !== 200) {
        expect(Date.now() - back, 'ready again').toBeLessThan(30_000);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    // One line per state change (down, back) per node, not a statement and stack every 500 ms.
    const outageLines = [a, b].map((n, i) => n.logLines.slice(logFrom[i]));
    console.info(`outage log lines per node: ${outageLines.map((l) => l.length).join(', ')}`);
    for (const l of outageLines) {
      expect(l.length, l.join('\n')).toBeLessThanOrEqual(6);
      expect(l.join('\n')).not.toMatch(/"stack"|update |select |insert /i);
    }
    const ackedBefore = acked.length;
    while (acked.length < ackedBefore + 20) await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await Promise.all(writers);

    const wanted = new Set(acked);
    const deadline = Date.now() + 20_000;
    while ([...wanted].some((n) => !sse.frames.some((f) => nameOf(f) === n)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await sse.close();
    const seen = sse.frames.map(nameOf);
    console.info(
      `PostgreSQL restart: statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${acked.length} acknowledged, ` +
        `${seen.length} frames, ${sse.reconnects()} SSE reconnects`,
    );
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 503]));
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(acked.filter((n) => !seen.includes(n))).toEqual([]); // nothing acknowledged is missed
    expect(new Set(seen).size).toBe(seen.length); // nor sent twice
    expect(new Set(sse.frames.map((f) => f.id)).size).toBe(sse.frames.length);
  }, 120_000);

  it(
    'keeps serving while NATS is away, says degraded, reconnects alone and relays what it missed',
    async () => {
      const sse = resumingSse(() => b, 'channel.updated');
      await new Promise((r) => setTimeout(r, 500));
      await cluster.nats.stop();
      const stoppedAt = Date.now();
      for (const node of [a, b]) {
        for (;;) {
          const r = await call(node, 'GET', '/ready');
          if (r.body?.status === 'degraded') {
            expect(r.status).toBe(200);
            expect(r.body.relay).toBe('reconnecting');
            break;
          }
          expect(Date.now() - stoppedAt, '/ready says degraded').toBeLessThan(15_000);
          await new Promise((res) => setTimeout(res, 200));
        }
      }
      // Writes go on and reach SSE clients on the other node (by polling) while NATS is away.
      const during: string[] = [];
      for (let i = 0; Date.now() - stoppedAt < NATS_OUTAGE_MS; i++) {
        const name = `nats-down ${i}`;
        expect((await call(i % 2 ? a : b, 'PATCH', `/api/channels/${channelId}`, { name })).status).toBe(200);
        during.push(name);
        await new Promise((r) => setTimeout(r, 500));
      }
      await cluster.nats.start();
      const restartedAt = Date.now();
      for (const node of [a, b]) {
        for (;;) {
          const r = await call(node, 'GET', '/ready');
          if (r.body?.status === 'ready' && r.body.relay === 'connected') break;
          expect(Date.now() - restartedAt, 'reconnected').toBeLessThan(20_000);
          await new Promise((res) => setTimeout(res, 200));
        }
      }
      const seen = () => sse.frames.map(nameOf);
      const deadline = Date.now() + 10_000;
      while (during.some((n) => !seen().includes(n)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      await sse.close();
      expect(during.filter((n) => !seen().includes(n))).toEqual([]);

      // The relay (whichever node holds it now) publishes what was committed while NATS was away.
      const nc = await connect({ servers: cluster.nats.url });
      try {
        const jsm = await jetstreamManager(nc);
        const events = await cluster.sql<{ id: string }>(
          `select id from events where type = 'channel.updated'`,
        );
        const relayedIds = async () => {
          const info = await jsm.streams.info('OMNIHUB_EVENTS');
          const consumer = await jetstream(nc).consumers.get('OMNIHUB_EVENTS'); // ordered, from the start
          const ids: string[] = [];
          for (let i = 0; i < info.state.messages; i++) {
            const m = await consumer.next({ expires: 2_000 });
            if (!m) break;
            const ce = m.json<{ id: string; type: string }>();
            if (ce.type === 'channel.updated') ids.push(ce.id);
          }
          return ids;
        };
        let ids = await relayedIds();
        const until = Date.now() + 15_000;
        while (events.some((e) => !ids.includes(e.id)) && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 500));
          ids = await relayedIds();
        }
        expect(events.filter((e) => !ids.includes(e.id))).toEqual([]);
        // At least once: a publish whose acknowledgement the outage cut may be sent again.
        console.info(
          `relayed ${ids.length} messages for ${events.length} events (${new Set(ids).size} distinct)`,
        );
      } finally {
        await nc.drain();
      }

      // Fan-out is back to milliseconds.
      const after = await wakeLatencies(a, b, 20, 'after-nats');
      console.info(`NATS outage ${NATS_OUTAGE_MS} ms: a→b after reconnect ${figures(after)}`);
      // Woken again, not polled: every probe, as before the outage.
      expectWoken(after);
    },
    NATS_OUTAGE_MS + 120_000,
  );
});
