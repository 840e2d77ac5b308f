// insights-dashboard: the insights dashboard's chart requests over 1,000,000 events and 100,000 orders
// across 6 channels, and the projection's catch-up rate. PostgreSQL only: the log is seeded with SQL
// (one statement per 50,000 events, like a busy ingest): order.imported events for the orders and
// insights.touchpoints_seen events (one visit each, a third through a campaign) for the rest, spread
// over 90 days; the insights projection reads them from the log (its lag in /metrics back to 0) —
// the catch-up rate is the events over the time from the first insert to caught up (target 5,000/s).
// Then 10 clients request the three charts (channel performance, attribution, journeys) for the last
// 30 days, every channel and each channel alone (target p99 < 200 ms).
// correct = the channel totals over the whole range equal a brute-force recomputation from the
// generator, and every attribution model credits exactly the range's revenue.
// `--events N --orders N` for a smaller run.
import pg from 'pg';
import { api, type BenchContext, type Scenario } from '../harness.js';
import { httpRequestBytes, loadFor } from '../raw-http-load.js';

const CHANNELS = Array.from({ length: 6 }, (_, i) => `chn_bench_${i + 1}`);
const DAY_MS = 86_400_000;
const SPAN_DAYS = 90;
const CHUNK = 50_000;
const T0 = Date.parse('2026-09-01T00:00:00Z');

/** The generator, in SQL and in JS (for the brute force): order i's channel, revenue and time. */
const orderChannel = (i: number) => CHANNELS[i % 6]!;
const orderRevenue = (i: number) => 1000 + ((i * 37) % 9000);
const orderAtMs = (i: number, orders: number) => T0 + Math.floor((i * SPAN_DAYS * DAY_MS) / orders);

export async function seed(databaseUrl: string, events: number, orders: number, customers: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let from = 0; from < orders; from += CHUNK) {
      const to = Math.min(orders, from + CHUNK) - 1;
      await client.query(
        `insert into events (id, type, subject, channel_id, payload, occurred_at)
         select 'evt_bo_' || i, 'order.imported', 'ord_b' || i, 'chn_bench_' || (i % 6 + 1),
           jsonb_build_object('orderId', 'ord_b' || i, 'orderNumber', 'B-' || i,
             'channelId', 'chn_bench_' || (i % 6 + 1), 'source', 'imported', 'customerId', 'cus_b' || (i % $3),
             'status', 'completed', 'currency', 'EUR', 'grandTotal', 1000 + (i * 37) % 9000,
             'paidAmount', 1000 + (i * 37) % 9000, 'refundedAmount', 0,
             'delivery', case when i % 5 = 0 then 'pickup' else 'ship' end, 'itemCount', 1, 'historical', true,
             'cartId', null, 'externalSource', 'bench', 'externalId', 'B-' || i, 'lines', '[]'::jsonb),
           to_timestamp(($4::bigint + floor(i::numeric * $5 / $6))::double precision / 1000)
         from generate_series($1::int, $2::int) i`,
        [from, to, customers, T0, SPAN_DAYS * DAY_MS, orders],
      );
    }
    const visits = events - orders;
    for (let from = 0; from < visits; from += CHUNK) {
      const to = Math.min(visits, from + CHUNK) - 1;
      await client.query(
        `insert into events (id, type, subject, channel_id, payload, occurred_at)
         select 'evt_bv_' || i, 'insights.touchpoints_seen', 'cus_b' || (i % $3), null,
           jsonb_build_object('touchpoints', jsonb_build_array(jsonb_build_object(
             'customerId', 'cus_b' || (i % $3), 'channelId', 'chn_bench_' || (i % 2 + 1),
             'at', to_char(to_timestamp(($4::bigint + floor(i::numeric * $5 / $6))::double precision / 1000)
                     at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'source', case when i % 3 = 0 then 'instagram' else null end,
             'medium', case when i % 3 = 0 then 'social' else null end,
             'campaign', case when i % 3 = 0 then 'c' || (i % 7) else null end))),
           to_timestamp(($4::bigint + floor(i::numeric * $5 / $6))::double precision / 1000)
         from generate_series($1::int, $2::int) i`,
        [from, to, customers, T0, SPAN_DAYS * DAY_MS, visits],
      );
    }
  } finally {
    await client.end();
  }
}

async function caughtUp(b: BenchContext, timeoutMs: number): Promise<void> {
  const started = performance.now();
  for (;;) {
    const text = await (await fetch(`${b.baseUrl}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('omnihub_consumer_lag_seconds{consumer="insights.projections"'));
    if (line && Number(line.split(' ').at(-1)) === 0) return;
    if (performance.now() - started > timeoutMs) throw new Error(`projection not caught up: ${line}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Brute force over the generator: per channel, orders and revenue in [from, to). */
function expectedTotals(orders: number, from: number, to: number) {
  const out = new Map<string, { orders: number; revenue: number }>();
  for (let i = 0; i < orders; i++) {
    const at = orderAtMs(i, orders);
    if (at < from || at >= to) continue;
    const t = out.get(orderChannel(i)) ?? { orders: 0, revenue: 0 };
    t.orders++;
    t.revenue += orderRevenue(i);
    out.set(orderChannel(i), t);
  }
  return out;
}

const scenario: Scenario = async (b) => {
  if (b.db !== 'postgres' || !b.databaseUrl)
    throw new Error('insights-dashboard seeds with SQL: --db postgres');
  const events = Number(b.args.events ?? 1_000_000);
  const orders = Number(b.args.orders ?? 100_000);
  const customers = Math.max(1, Math.floor(orders / 3));
  const duration = Number(b.args.duration ?? 15);
  const connections = Number(b.args.connections ?? 10);

  b.log(`seeding ${events} events (${orders} orders) with SQL`);
  const started = performance.now();
  await seed(b.databaseUrl, events, orders, customers);
  const seedSeconds = (performance.now() - started) / 1000;
  await caughtUp(b, 1_800_000);
  const catchUpSeconds = (performance.now() - started) / 1000;
  const rate = Math.round(events / catchUpSeconds);
  b.log(
    `seeded in ${seedSeconds.toFixed(1)} s; projection caught up after ${catchUpSeconds.toFixed(1)} s: ${rate} events/s`,
  );

  // Correctness: the whole span against the brute force; attribution reconciles to revenue.
  const whole = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + (SPAN_DAYS + 1) * DAY_MS).toISOString()}`;
  let problem: string | null = null;
  const perf = await api(b, 'GET', `/api/insights/channels?${whole}`);
  const want = expectedTotals(orders, T0, T0 + (SPAN_DAYS + 1) * DAY_MS);
  for (const [channel, w] of want) {
    const got = perf.body.totals.find((t: { channelId: string }) => t.channelId === channel);
    if (!got || got.orders !== w.orders || got.revenue !== w.revenue)
      problem ??= `${channel}: ${JSON.stringify(got)} ≠ brute force ${JSON.stringify(w)}`;
  }
  const to = T0 + SPAN_DAYS * DAY_MS;
  const recent = `from=${new Date(to - 30 * DAY_MS).toISOString()}&to=${new Date(to).toISOString()}`;
  const attribution = await api(b, 'GET', `/api/insights/attribution?${recent}`);
  if (attribution.status !== 200) problem ??= `attribution ${attribution.status}`;
  else
    for (const model of [
      'first_touch',
      'last_touch',
      'last_non_direct',
      'linear',
      'position_based',
      'time_decay',
    ]) {
      const credited = attribution.body.byChannel
        .filter((r: { model: string }) => r.model === model)
        .reduce((s: number, r: { credited: number }) => s + r.credited, 0);
      const revenue = attribution.body.revenue.reduce((s: number, r: { amount: number }) => s + r.amount, 0);
      if (credited !== revenue) problem ??= `${model} credited ${credited} ≠ revenue ${revenue}`;
    }

  const paths = ['channels', 'attribution', 'journeys'].flatMap((chart) => [
    `/api/insights/${chart}?${recent}`,
    ...CHANNELS.map((c) => `/api/insights/${chart}?${recent}&channel=${c}`),
  ]);
  const timings: Record<string, number> = {};
  for (const chart of ['channels', 'attribution', 'journeys']) {
    const t = performance.now();
    const r = await api(b, 'GET', `/api/insights/${chart}?${recent}`);
    timings[chart] = Math.round(performance.now() - t);
    if (r.status !== 200) problem ??= `${chart}: ${r.status}`;
  }
  const host = new URL(b.baseUrl).host;
  const headers = { authorization: `Bearer ${b.adminKey}` };
  const result = await loadFor(
    b.baseUrl,
    connections,
    paths.map((path) => httpRequestBytes('GET', path, host, headers)),
    duration,
  );
  const failed = result.non2xx + result.errors + result.timeouts;
  const p99 = result.p99;
  return {
    metric: 'insights_chart_p99',
    value: p99,
    unit: 'ms',
    p50_ms: result.p50,
    p99_ms: p99,
    correct: problem === null && failed === 0 && result.ok > 0,
    target: { op: '<=', value: 200, unit: 'ms', met: p99 <= 200 },
    units: { count: result.total, name: 'request' },
    details: {
      events,
      orders,
      channels: CHANNELS.length,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      catchUpSeconds: Math.round(catchUpSeconds * 10) / 10,
      catchUpEventsPerSecond: rate,
      catchUpTarget: { op: '>=', value: 5_000, met: rate >= 5_000 },
      firstRequestMs: timings,
      requestsPerSecond: Math.round(result.requestsPerSecond),
      latencyMaxMs: result.max,
      problem,
      non2xx: result.non2xx,
      errors: result.errors,
    },
  };
};

export default scenario;
