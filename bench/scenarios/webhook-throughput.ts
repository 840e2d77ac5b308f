// webhook-throughput: signed Standard Webhooks deliveries per second from the event log to a local
// receiver. On PostgreSQL, N events are appended to the log in one statement (as a burst of
// business writes would) and the clock runs from their commit to the last delivery received: it
// measures fan-out + queue + signing + HTTP, end to end. On PGlite the events come from channel
// updates through the API (the embedded database cannot be written from outside), so the figure is
// bounded by that write path too. Correct = every event received exactly once and the official
// `standardwebhooks` verifier accepts the sampled signatures.
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, type BenchContext, percentile, type Scenario } from '../harness.js';

/** The receiver is on loopback: the bench allows it (the SSRF guard refuses it by default). */
export const hubEnv = { OMNIHUB_WEBHOOKS_ALLOW_PRIVATE: '1', OMNIHUB_WEBHOOK_POLL_MS: '50' };

interface Receipt {
  id: string;
  at: number;
  occurredAt: number;
}

async function startReceiver(onRequest: (headers: Record<string, string>, body: string) => void) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      onRequest(req.headers as Record<string, string>, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(204);
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return { server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/hook` };
}

async function appendEventsWithSql(b: BenchContext, n: number, subjects: number): Promise<number> {
  const client = new pg.Client({ connectionString: b.databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into events (id, type, subject, payload, occurred_at)
       select 'evt_' || md5('bench-' || g), 'bench.tick', 'bench:' || (g % $2), jsonb_build_object('n', g, 'sku', 'SKU-' || (g % $2)), now()
       from generate_series(1, $1) g`,
      [n, subjects],
    );
    return Date.now();
  } finally {
    await client.end();
  }
}

async function appendEventsThroughApi(b: BenchContext, n: number, subjects: number): Promise<number> {
  const channels: string[] = [];
  for (let i = 0; i < subjects; i++) {
    const r = await api(b, 'POST', '/api/channels', {
      code: `bench-${i}`,
      name: `Bench ${i}`,
      type: 'custom',
      currency: 'EUR',
      locales: ['en'],
    });
    channels.push(r.body.id);
  }
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < n) {
        const i = next++;
        await api(b, 'PATCH', `/api/channels/${channels[i % channels.length]}`, { name: `Bench ${i}` });
      }
    }),
  );
  return started;
}

const scenario: Scenario = async (b) => {
  const sqlPath = b.db === 'postgres' && !!b.databaseUrl;
  const n = Number(b.args.events ?? (sqlPath ? 50_000 : 5_000));
  const subjects = Number(b.args.subjects ?? (sqlPath ? 1000 : 100));
  const receipts: Receipt[] = [];
  let secret = '';
  let sampled = 0;
  let badSignatures = 0;
  let done: () => void = () => {};
  const allIn = new Promise<void>((r) => {
    done = r;
  });
  const ids = new Set<string>();
  const receiver = await startReceiver((headers, body) => {
    const id = headers['webhook-id']!;
    const parsed = JSON.parse(body) as { timestamp: string };
    receipts.push({ id, at: Date.now(), occurredAt: Date.parse(parsed.timestamp) });
    ids.add(id);
    if (receipts.length % 10 === 1) {
      sampled++;
      try {
        new Webhook(secret).verify(body, headers);
      } catch {
        badSignatures++;
      }
    }
    if (ids.size >= n) done();
  });
  const ep = await api(b, 'POST', '/api/webhooks/endpoints', {
    url: receiver.url,
    types: sqlPath ? ['bench.*'] : ['channel.updated'],
  });
  if (ep.status !== 201) throw new Error(`endpoint: ${ep.status} ${JSON.stringify(ep.body)}`);
  secret = ep.body.secret;

  b.log(
    `${n} events over ${subjects} subjects, ${sqlPath ? 'appended with SQL' : 'written through the API'}`,
  );
  // CPU per delivery (fan-out, claim, signing, sending, recording): holds on a shared machine.
  const [hubCpu0, dbCpu0, load0] = [await hubCpuMs(b), await dbCpuMs(b), loadavg()[0]!];
  const started = sqlPath
    ? await appendEventsWithSql(b, n, subjects)
    : await appendEventsThroughApi(b, n, subjects);
  const timeout = Number(b.args.timeout ?? 300) * 1000;
  await Promise.race([allIn, new Promise((r) => setTimeout(r, timeout))]);
  const [hubCpu1, dbCpu1] = [await hubCpuMs(b), await dbCpuMs(b)];
  const perDelivery = (a: number | null, z: number | null) =>
    a === null || z === null || ids.size === 0 ? null : Math.round(((z - a) / ids.size) * 1000) / 1000;
  // Anything sent twice would arrive now.
  await new Promise((r) => setTimeout(r, 1000));
  receiver.server.closeAllConnections();
  receiver.server.close();

  const last = Math.max(...receipts.map((r) => r.at));
  const seconds = (last - started) / 1000;
  const rate = Math.round(ids.size / seconds);
  const latencies = receipts.map((r) => r.at - r.occurredAt);
  const health = await api(b, 'GET', '/api/webhooks/health');
  return {
    metric: 'signed_deliveries_per_second',
    value: rate,
    unit: 'deliveries/s',
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    correct: ids.size === n && receipts.length === n && badSignatures === 0 && sampled > 0,
    target: { op: '>=', value: 5000, unit: 'deliveries/s' },
    units: { count: ids.size, name: 'delivery' },
    details: {
      events: n,
      subjects,
      eventSource: sqlPath ? 'sql burst into the event log' : 'channel updates through the API',
      received: receipts.length,
      unique: ids.size,
      duplicates: receipts.length - ids.size,
      signaturesVerifiedWithStandardwebhooks: sampled,
      badSignatures,
      seconds,
      latencyNote: 'p50/p99: event occurrence → receipt, including time queued behind the burst',
      cpuPerDelivery: { hubMs: perDelivery(hubCpu0, hubCpu1), postgresMs: perDelivery(dbCpu0, dbCpu1) },
      loadAverage1m: { before: load0, after: loadavg()[0] },
      endpointHealth: health.body.items?.[0],
    },
  };
};

export default scenario;
