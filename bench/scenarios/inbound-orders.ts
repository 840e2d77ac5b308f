// inbound-orders: signed Shopify orders/create deliveries, sent from outside at C concurrent senders
// (C = 10, then 50), then on PostgreSQL at fixed rates of 300/s and 500/s for 10 s each (open loop:
// `--rate 300,500`, `--rate-seconds`; `--rate 0` leaves them out), become orders in the hub. Measured per level: deliveries accepted per second,
// orders created per second (first receipt → last order processed), delivery → order p50/p99
// (receivedAt → processedAt of each delivery, both from the hub's clock) and CPU per order of the hub
// (every worker), of PostgreSQL and of this load generator (whose deliveries are signed and
// serialized before the level starts, then sent on kept-alive sockets: raw-http-load.ts). Order ids are above 2^53, as Shopify's are, and come in pairs
// one apart: a parse that rounds them would make one order of two. 200 buyers repeat, so identity
// resolution meets the same customer from parallel orders. Correct = every delivery processed
// (none parked) and, on PostgreSQL, one order per id.
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { dbCpuMs, hubCpuMs } from '../cpu-usage.js';
import { api, type BenchContext, percentile, type Scenario } from '../harness.js';
import { httpRequestBytes, rawHttpLoad } from '../raw-http-load.js';

const SECRET = 'shpss_bench_0123456789abcdef0123456789ab';
const SKUS = 20;
const BUYERS = 200;
/** Shopify's documented example order id: above 2^53. */
const BASE_ID = 820982911946154508n;
/** The open loop's most sockets at once: more than a hub that falls behind by seconds would need. */
const OPEN_LOOP_SOCKETS = 512;

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API
async function must<T = any>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function setup(b: BenchContext) {
  const channel = await must(
    api(b, 'POST', '/api/channels', {
      code: 'bench-shopify',
      name: 'Bench Shopify',
      type: 'marketplace',
      currency: 'EUR',
      locales: ['en'],
    }),
    'channel',
  );
  const wh = await must(
    api(b, 'POST', '/api/inventory/locations', {
      code: 'bench-wh',
      name: 'Bench warehouse',
      type: 'warehouse',
    }),
    'location',
  );
  await must(
    api(b, 'PUT', `/api/inventory/channels/${channel.id}/sourcing`, {
      locationIds: [wh.id],
      safetyBuffer: 0,
    }),
    'sourcing',
  );
  for (let i = 0; i < SKUS; i++) {
    await must(
      api(b, 'POST', '/api/catalog/products', {
        handle: `inb-${i}`,
        defaultLocale: 'en',
        content: { en: { title: `Inbound product ${i}` } },
        variants: [{ sku: `INB-${i}` }],
      }),
      'product',
    );
    await must(
      api(b, 'POST', '/api/inventory/adjustments', {
        kind: 'receive',
        sku: `INB-${i}`,
        location: wh.id,
        quantity: 1_000_000,
      }),
      'stock',
    );
  }
  const connector = await must(
    api(b, 'POST', '/api/connectors', {
      kind: 'shopify',
      name: 'Bench Shopify',
      secret: SECRET,
      channelId: channel.id,
      locationId: wh.id,
    }),
    'connector',
  );
  return { channelId: channel.id as string, connectorId: connector.id as string };
}

/** A Shopify orders/create body with the id written as the exact integer (JSON allows it). */
function orderBody(id: bigint, n: number): string {
  const buyer = n % BUYERS;
  const body = {
    id: 0,
    email: `buyer${buyer}@example.com`,
    created_at: new Date().toISOString(),
    currency: 'EUR',
    financial_status: 'paid',
    customer: {
      id: 9000 + buyer,
      email: `buyer${buyer}@example.com`,
      first_name: 'Bench',
      last_name: `Buyer ${buyer}`,
    },
    line_items: [
      {
        id: 1,
        variant_id: 42,
        sku: `INB-${n % SKUS}`,
        title: 'Bench item',
        quantity: 1,
        price: '19.95',
        tax_lines: [{ price: '3.46', rate: 0.21 }],
      },
      {
        id: 2,
        variant_id: 43,
        sku: `INB-${(n + 7) % SKUS}`,
        title: 'Bench item 2',
        quantity: 2,
        price: '9.95',
        tax_lines: [],
      },
    ],
    shipping_lines: [{ price: '4.95', title: 'Standard' }],
    shipping_address: {
      name: 'Bench Buyer',
      address1: 'Keizersgracht 1',
      zip: '1015 CJ',
      city: 'Amsterdam',
      country_code: 'NL',
    },
  };
  return JSON.stringify(body).replace('"id":0,', `"id":${id},`);
}

interface Delivery {
  id: string;
  status: string;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
}

/** Every delivery of the connector (newest first, 200 a page). */
async function allDeliveries(b: BenchContext, connectorId: string): Promise<Delivery[]> {
  const out: Delivery[] = [];
  let before: string | null = null;
  do {
    const page: { items: Delivery[]; next: string | null } = await must(
      api(
        b,
        'GET',
        `/api/connectors/${connectorId}/deliveries?limit=200${before ? `&before=${before}` : ''}`,
      ),
      'deliveries',
    );
    out.push(...page.items);
    before = page.next;
  } while (before);
  return out;
}

/** Delivery `i` as bytes on the wire: signed, ids in pairs one apart (the second is the first + 1). */
export function deliveryBytes(host: string, connectorId: string, i: number): Buffer {
  const id = BASE_ID + BigInt(Math.floor(i / 2) * 1000 + (i % 2));
  const body = orderBody(id, i);
  return httpRequestBytes(
    'POST',
    `/api/inbound/${connectorId}`,
    host,
    {
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-webhook-id': `bench-${id}`,
      'x-shopify-hmac-sha256': createHmac('sha256', SECRET).update(body).digest('base64'),
    },
    body,
  );
}

/**
 * Sends the deliveries, built before, from `connections` kept-alive sockets (closed loop: each sends
 * its next once the last was answered) or at a fixed rate (open loop: delivery k leaves at start +
 * k/rate whether or not earlier ones were answered, so a slow hub meets the arrivals a shop would
 * send). The answers other than 200, counted by status and the start of the body.
 */
async function sendAll(b: BenchContext, load: Load, requests: Buffer[]) {
  const refusedBy: Record<string, number> = {};
  const count = (k: string, n = 1) => {
    if (n > 0) refusedBy[k] = (refusedBy[k] ?? 0) + n;
  };
  const r = await rawHttpLoad({
    baseUrl: b.baseUrl,
    requests,
    ...('c' in load ? { connections: load.c } : { connections: OPEN_LOOP_SOCKETS, ratePerSecond: load.rate }),
    timeoutMs: 120_000,
    wantBody: (status) => status !== 200,
    onReply: (status, body) => {
      if (status !== 200) count(`${status} ${body?.slice(0, 120)}`);
    },
  });
  count('error', r.errors);
  count('timeout', r.timeouts);
  count('unanswered', r.sent - r.answered - r.errors - r.timeouts);
  count('unsent', requests.length - r.sent);
  return { refusedBy, maxSendLagMs: r.maxSendLagMs, socketsOpened: r.socketsOpened };
}

type Load = { c: number } | { rate: number };

async function level(b: BenchContext, connectorId: string, load: Load, n: number, offset: number) {
  const host = new URL(b.baseUrl).host;
  const requests = Array.from({ length: n }, (_, k) => deliveryBytes(host, connectorId, offset + k));
  const started = Date.now();
  const [hub0, db0] = [await hubCpuMs(b), await dbCpuMs(b)];
  const own0 = process.cpuUsage();
  const { refusedBy, ...sending } = await sendAll(b, load, requests);
  const own = process.cpuUsage(own0);
  const refused = Object.values(refusedBy).reduce((s, k) => s + k, 0);
  const accepted = Date.now();
  const deadline = accepted + Number(b.args.timeout ?? 300) * 1000;
  for (;;) {
    const health = await must(api(b, 'GET', '/api/connectors/health'), 'health');
    const h = (health.items as Array<{ connectorId: string; waiting: number }>).find(
      (x) => x.connectorId === connectorId,
    );
    if ((h && h.waiting === 0) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const [hub1, db1] = [await hubCpuMs(b), await dbCpuMs(b)];
  const perOrder = (a: number | null, z: number | null) =>
    a === null || z === null ? null : Math.round(((z - a) / n) * 100) / 100;
  return {
    load,
    n,
    started,
    accepted,
    refused,
    refusedBy,
    sending,
    cpuPerOrder: {
      hubMs: perOrder(hub0, hub1),
      postgresMs: perOrder(db0, db1),
      // This process while it sends (not the wait for the queue to drain, which polls the hub).
      loadGeneratorMs: perOrder(0, (own.user + own.system) / 1000),
    },
  };
}

/** Delivery → order figures of the deliveries received from `from` until `to` (hub clock). */
function measured(deliveries: Delivery[], from: number, to: number) {
  const mine = deliveries.filter((d) => {
    const t = Date.parse(d.receivedAt);
    return t >= from && t < to;
  });
  const done = mine.filter((d) => d.processedAt);
  const lat = done.map((d) => Date.parse(d.processedAt!) - Date.parse(d.receivedAt));
  const first = Math.min(...mine.map((d) => Date.parse(d.receivedAt)));
  const lastReceived = Math.max(...mine.map((d) => Date.parse(d.receivedAt)));
  const last = Math.max(...done.map((d) => Date.parse(d.processedAt!)));
  const whileArriving = done.filter((d) => Date.parse(d.processedAt!) <= lastReceived).length;
  return {
    ordersCreatedPerSecond: Math.round(done.length / ((last - first) / 1000)),
    // Orders created while deliveries kept arriving: a hub that keeps up creates them at the
    // arrival rate (the figure above also counts the tail after the last arrival).
    createdPerSecondWhileArriving: Math.round(whileArriving / ((lastReceived - first) / 1000)),
    deliveryToOrder: {
      p50_ms: percentile(lat, 50),
      p99_ms: percentile(lat, 99),
      max_ms: percentile(lat, 100),
    },
  };
}

const scenario: Scenario = async (b) => {
  const n = Number(b.args.orders ?? (b.db === 'postgres' ? 2000 : 300));
  const levels = (b.args.levels ?? '10,50').split(',').map(Number);
  // The open-loop levels (the issue's p99 target is at 300 deliveries/s, its sustained rate 500/s);
  // --rate 0 leaves them out.
  const rates = String(b.args.rate ?? (b.db === 'postgres' ? '300,500' : '0'))
    .split(',')
    .map(Number)
    .filter((r) => r > 0);
  const rateSeconds = Number(b.args['rate-seconds'] ?? 10);
  const { channelId, connectorId } = await setup(b);
  b.log(`${n} signed Shopify orders per level, levels C=${levels.join(', ')}`);
  const runs: Awaited<ReturnType<typeof level>>[] = [];
  for (const [i, c] of levels.entries()) {
    const r = await level(b, connectorId, { c }, n, i * n);
    runs.push(r);
    b.log(`C=${c}: accepted in ${r.accepted - r.started} ms, refused ${r.refused}`);
  }
  let offset = levels.length * n;
  for (const rate of rates) {
    const rateN = Math.round(rate * rateSeconds);
    const r = await level(b, connectorId, { rate }, rateN, offset);
    offset += rateN;
    runs.push(r);
    b.log(`${rate}/s: ${rateN} sent in ${r.accepted - r.started} ms, refused ${r.refused}`);
  }
  const deliveries = await allDeliveries(b, connectorId);
  const perRun = runs.map((r, i) => ({
    r,
    // Deliveries of this level: received from its start until the next level's start.
    ...measured(deliveries, r.started - 1000, (runs[i + 1]?.started ?? Number.POSITIVE_INFINITY) - 1000),
  }));
  const perLevel = perRun
    .filter(({ r }) => 'c' in r.load)
    .map(({ r, ...m }) => ({
      concurrency: 'c' in r.load ? r.load.c : null,
      deliveries: r.n,
      refused: r.refused,
      acceptedPerSecond: Math.round(r.n / ((r.accepted - r.started) / 1000)),
      ...m,
      cpuPerOrder: r.cpuPerOrder,
    }));
  const atRates = perRun
    .filter(({ r }) => 'rate' in r.load)
    .map(({ r, ...m }) => ({
      ratePerSecond: 'rate' in r.load ? r.load.rate : null,
      deliveries: r.n,
      refused: r.refused,
      sentPerSecond: Math.round(r.n / ((r.accepted - r.started) / 1000)),
      refusedBy: r.refusedBy,
      sending: r.sending,
      ...m,
      cpuPerOrder: r.cpuPerOrder,
      p99Met: m.deliveryToOrder.p99_ms < 1000,
    }));
  const statuses: Record<string, number> = {};
  for (const d of deliveries) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
  let distinctOrders: number | null = null;
  if (b.db === 'postgres' && b.databaseUrl) {
    const client = new pg.Client({ connectionString: b.databaseUrl });
    await client.connect();
    try {
      const r = await client.query<{ n: string }>(
        'select count(distinct external_id) as n from orders where channel_id = $1',
        [channelId],
      );
      distinctOrders = Number(r.rows[0]!.n);
    } finally {
      await client.end();
    }
  }
  const total = offset;
  const worst = perLevel[perLevel.length - 1]!;
  return {
    metric: 'inbound_orders_created_per_second',
    value: Math.min(...perLevel.map((l) => l.ordersCreatedPerSecond)),
    unit: 'orders/s',
    p50_ms: worst.deliveryToOrder.p50_ms,
    p99_ms: Math.max(...perLevel.map((l) => l.deliveryToOrder.p99_ms)),
    correct:
      (statuses.processed ?? 0) === total &&
      runs.every((r) => r.refused === 0) &&
      (distinctOrders === null || distinctOrders === total),
    target: { op: '>=', value: 500, unit: 'orders/s' },
    units: { count: total, name: 'order (accepted and created)' },
    details: {
      levels: perLevel,
      atRates,
      statuses,
      distinctOrdersInHub: distinctOrders,
      parkedReasons: [...new Set(deliveries.filter((d) => d.error).map((d) => d.error))].slice(0, 5),
      note: 'value = the lower orders/s of the C levels; p99 = their higher delivery → order p99 (hub clock, receivedAt → processedAt); atRates = open loops at fixed rates (target p99 < 1 s at 300/s; orders created at 500/s sustained)',
    },
  };
};

export default scenario;
