// ingest: Segment batches of 100 mixed events (60% anonymous page/track, 30% identified track, 10%
// identify linking an anonymous id to a known user) for 10,000 people, from several clients at once.
// correct = every event stored exactly once (a replayed batch stores nothing) and every linked
// anonymous id resolves to the same customer as its user id.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, type BenchContext, keepAliveJsonClient, percentile, type Scenario } from '../harness.js';
import { countPerEvent } from '../per-event-counts.js';
import { consumersCaughtUp, scaleOf, seedCustomerEvents, seedUrl } from '../scale-seed.js';
import { seed as seedEventLog } from './insights-dashboard.js';

/** Segment batches of the mix above for `people` people; `linked`: the people an identify has linked. */
export function segmentBatchMaker(people: number, batchSize: number) {
  const linked = new Set<number>();
  let counter = 0;
  // 7919 is prime to 10,000: consecutive events visit every person before repeating one. The kind of
  // event shifts by one each round, so a person is anonymous for a while, then known by user id on a
  // separate profile, then an identify links the two: a real merge, not one profile born linked.
  const nextPerson = () => {
    const n = counter++;
    return { p: (n * 7919) % people, round: Math.floor(n / people) };
  };
  const makeBatch = () => {
    const batch = [];
    const sentAt = new Date().toISOString();
    for (let i = 0; i < batchSize; i++) {
      const { p, round } = nextPerson();
      const roll = (i + round) % 10;
      const base = { messageId: randomUUID(), timestamp: sentAt, context: { library: { name: 'bench' } } };
      if (roll < 6) {
        batch.push(
          roll % 2 === 0
            ? {
                ...base,
                type: 'page',
                anonymousId: `anon-${p}`,
                name: 'Product',
                properties: { path: `/p/${i}` },
              }
            : {
                ...base,
                type: 'track',
                anonymousId: `anon-${p}`,
                event: 'Product Viewed',
                properties: { sku: `SKU-${i}` },
              },
        );
      } else if (roll < 9) {
        batch.push({
          ...base,
          type: 'track',
          userId: `user-${p}`,
          event: 'Product Added',
          properties: { sku: `SKU-${i}` },
        });
      } else {
        linked.add(p);
        batch.push({
          ...base,
          type: 'identify',
          userId: `user-${p}`,
          anonymousId: `anon-${p}`,
          traits: { email: `person${p}@bench.example.com`, name: `Person ${p}` },
        });
      }
    }
    return { batch, sentAt };
  };
  return { makeBatch, linked };
}

/** A web channel with a Segment source on it: the source's Basic authorization header and ids. */
export async function segmentSourceAuth(b: Pick<BenchContext, 'baseUrl' | 'adminKey'>, channelCode: string) {
  const channel = await api<{ id: string }>(b, 'POST', '/api/channels', {
    code: channelCode,
    name: 'Bench webshop',
    type: 'web',
    currency: 'EUR',
    locales: ['en'],
  });
  const source = await api<{ id: string; writeKey: string }>(b, 'POST', '/api/customers/sources', {
    channelId: channel.body.id,
    name: 'bench',
  });
  if (source.status !== 201) throw new Error(`source: ${source.status} ${JSON.stringify(source.body)}`);
  return {
    authorization: `Basic ${Buffer.from(`${source.body.writeKey}:`).toString('base64')}`,
    sourceId: source.body.id,
    channelId: channel.body.id,
  };
}

const scenario: Scenario = async (b) => {
  const people = Number(b.args.people ?? 10_000);
  const clients = Number(b.args.clients ?? 8);
  const batchSize = Number(b.args.batch ?? 100);
  const batches = Number(b.args.batches ?? (b.db === 'postgres' ? 1500 : 600));
  // --scale N: N × 100,000 earlier customer events of N × 10,000 other people before the run;
  // --log-events M also M events in the log (the insights dashboard's visits; its consumers must
  // catch up before the run, minutes per million on a loaded machine).
  const scale = scaleOf(b);
  const logEvents = Number(b.args['log-events'] ?? 0);

  const source = await segmentSourceAuth(b, `bench-web-${Date.now().toString(36)}`);
  const auth = source.authorization;
  const preloaded =
    scale > 1 || logEvents > 0 ? { customerEvents: scale > 1 ? scale * 100_000 : 0, logEvents } : null;
  if (preloaded) {
    b.log(`seeding ${preloaded.customerEvents} customer events and ${logEvents} log events`);
    const url = seedUrl(b);
    if (preloaded.customerEvents)
      await seedCustomerEvents(url, {
        events: preloaded.customerEvents,
        profiles: scale * 10_000,
        sourceId: source.sourceId,
        channelId: source.channelId,
      });
    if (logEvents) await seedEventLog(url, logEvents, 0, 10_000);
    b.log(`consumers caught up ${Math.round(await consumersCaughtUp(b, 1_800_000))} s after the seed`);
  }

  const { makeBatch, linked } = segmentBatchMaker(people, batchSize);

  // The load generator's own CPU shares the two cores with the hub and PostgreSQL, so it is kept
  // small: bodies are serialized before the measured window and go over a keep-alive client.
  const client = keepAliveJsonClient(b.baseUrl, clients);
  const sendText = (text: string) =>
    client.call<{ stored: number; duplicates: number; rejected: unknown[] }>('POST', '/v1/batch', text, {
      authorization: auth,
    });
  const send = (body: unknown) => sendText(JSON.stringify(body));

  // warm-up (not measured)
  await send(makeBatch());
  let stored = 0;
  let sent = 0;
  let failures = 0;
  let rejected = 0;
  const latencies: number[] = [];
  // Every measured body made (ids, timestamps) and serialized before the clock starts.
  const bodies = Array.from({ length: batches }, () => JSON.stringify(makeBatch()));
  const lastBatch = bodies[bodies.length - 1]!;
  let next = 0;
  const [hubCpu0, dbCpu0] = [await hubCpuMs(b), await dbCpuMs(b)];
  const own0 = process.cpuUsage();
  const load0 = loadavg()[0]!;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const t0 = performance.now();
        const r = await sendText(body);
        latencies.push(performance.now() - t0);
        sent += batchSize;
        if (r.status !== 200) failures++;
        else {
          stored += r.body.stored;
          rejected += r.body.rejected.length;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const own = process.cpuUsage(own0);
  const [hubCpu1, dbCpu1] = [await hubCpuMs(b), await dbCpuMs(b)];
  const cpuPerEvent = (a: number | null, z: number | null) =>
    a === null || z === null ? null : Math.round(((z - a) * 1000) / Math.max(stored, 1));
  const replay = await sendText(lastBatch);
  client.close();
  const replayStoredNothing =
    replay.status === 200 && replay.body.stored === 0 && replay.body.duplicates === batchSize;

  // Every linked pair: the anonymous id and the user id name the same customer.
  const pairs = [...linked];
  let unresolved = 0;
  let checked = 0;
  const checkers = Array.from({ length: 8 }, async () => {
    while (pairs.length) {
      const p = pairs.pop()!;
      const [u, a] = await Promise.all([
        api<{ items: Array<{ id: string }> }>(b, 'GET', `/api/customers?externalId=user_id:user-${p}`),
        api<{ items: Array<{ id: string }> }>(b, 'GET', `/api/customers?externalId=anonymous_id:anon-${p}`),
      ]);
      checked++;
      if (!u.body.items[0] || u.body.items[0].id !== a.body.items[0]?.id) unresolved++;
    }
  });
  await Promise.all(checkers);

  // Load-independent: round trips and hub CPU per event on an in-process hub, the same kind of
  // batches sent `clients` at a time (batches coalesce into one transaction as they do here).
  b.log('counting SQL round trips and CPU per event on an in-process hub');
  const countBatches = Number(b.args['count-batches'] ?? 200);
  const perEvent = b.args['no-counts']
    ? null
    : await countPerEvent(b, async (inject) => {
        const ch = await inject('POST', '/api/channels', {
          code: 'bench-web-counts',
          name: 'Bench webshop',
          type: 'web',
          currency: 'EUR',
          locales: ['en'],
        });
        const src = await inject('POST', '/api/customers/sources', { channelId: ch.body.id, name: 'bench' });
        const basic = `Basic ${Buffer.from(`${src.body.writeKey}:`).toString('base64')}`;
        await inject('POST', '/v1/batch', makeBatch(), { authorization: basic }); // warm-up
        return {
          measured: async () => {
            let left = countBatches;
            let n = 0;
            await Promise.all(
              Array.from({ length: clients }, async () => {
                while (left-- > 0) {
                  const r = await inject('POST', '/v1/batch', makeBatch(), { authorization: basic });
                  if (r.status !== 200) throw new Error(`batch: ${r.status}`);
                  n += r.body.stored;
                }
              }),
            );
            return n;
          },
        };
      });
  const eventsPerSecond = Math.round(stored / seconds);
  const target = b.db === 'postgres' ? 20_000 : 5_000;
  return {
    metric: 'events_per_second',
    value: eventsPerSecond,
    unit: 'events/s',
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    correct: failures === 0 && rejected === 0 && stored === sent && replayStoredNothing && unresolved === 0,
    target: { op: '>=', value: target, unit: 'events/s', met: eventsPerSecond >= target },
    details: {
      people,
      scale,
      preloaded,
      clients,
      batchSize,
      batches,
      eventsSent: sent,
      eventsStored: stored,
      seconds: Math.round(seconds * 100) / 100,
      failedRequests: failures,
      rejectedEvents: rejected,
      replayStoredNothing,
      linkedPairsChecked: checked,
      linkedPairsUnresolved: unresolved,
      hubCpuMicrosPerEvent: cpuPerEvent(hubCpu0, hubCpu1),
      dbCpuMicrosPerEvent: cpuPerEvent(dbCpu0, dbCpu1),
      // This process over the same window: sending the pre-made bodies and reading the replies.
      loadGeneratorCpuMicrosPerEvent: Math.round((own.user + own.system) / Math.max(stored, 1)),
      perEventInProcess: perEvent,
      loadAverage1m: { before: load0, after: loadavg()[0] },
    },
  };
};

export default scenario;
